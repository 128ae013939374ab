//! `cli placeholder --stylesheet HREF [--integrity SRI] [--class C] --OPTION VALUE...`: a
//! widget's placeholder as pages and snippets carry it, with its static layer in a declarative
//! shadow root (see `widgets::static_layer::placeholder`); and `cli stylesheets DIR`, which
//! writes the stylesheet each widget kind's static layer links (`widget-<kind>.css`).

use super::Outcome;
use crate::Error;
use std::path::Path;
use std::process::ExitCode;
use story::WidgetKind;
use widgets::static_layer::{placeholder, Stylesheet};

pub const USAGE: &str =
    "usage: cli placeholder --stylesheet HREF [--integrity SRI] [--class C] --OPTION VALUE...
  OPTION: the placeholder's data-* options, written in the order given (widget, lang, theme, ...)";

pub fn run(args: &[String]) -> Outcome {
    let mut href = None;
    let mut integrity = None;
    let mut class = None;
    let mut options: Vec<(&str, &str)> = Vec::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let (Some(name), Some(value)) = (flag.strip_prefix("--"), it.next()) else {
            return Err(Error::Usage { usage: USAGE });
        };
        match name {
            "stylesheet" => href = Some(value.as_str()),
            "integrity" => integrity = Some(value.as_str()),
            "class" => class = Some(value.as_str()),
            _ => options.push((name, value.as_str())),
        }
    }
    let Some(href) = href else {
        return Err(Error::Usage { usage: USAGE });
    };
    let sheet = Stylesheet { href, integrity };
    println!("{}", placeholder(&options, class, &sheet)?);
    Ok(ExitCode::SUCCESS)
}

/// The file name of the stylesheet a widget kind's static layer links.
pub fn stylesheet_name(kind: WidgetKind) -> String {
    format!("widget-{}.css", kind.name())
}

pub fn stylesheets(args: &[String]) -> Outcome {
    let [dir] = args else {
        return Err(Error::Usage {
            usage: "usage: cli stylesheets DIR",
        });
    };
    for kind in WidgetKind::ALL {
        let path = Path::new(dir).join(stylesheet_name(kind));
        std::fs::write(&path, widgets::stylesheet(kind)).map_err(|source| Error::Write {
            path: path.display().to_string(),
            source,
        })?;
    }
    Ok(ExitCode::SUCCESS)
}
