//! Native command-line tool: prints the story's facts, renders widgets to SVG, validates configs.
//!
//! `main` only dispatches; each command lives in its own module under `commands/`.

mod commands;
mod error;

pub use error::Error;

use std::process::ExitCode;

const USAGE: &str = "usage: cli <command> [args]

commands:
  facts                 every figure as one JSON object per line
  bundle <story folder> the folder as one story bundle file (what a placeholder's
                        data-src reads), checked by the page's own reader
  schema                JSON Schema of widget configurations
  validate <file.json>  check a widget configuration (a JSON block) and print the verdict
  page --lang zh|en [--template index.html]
                        the demo article as HTML, with each widget's static fallback
  placeholder --stylesheet HREF [--integrity SRI] [--class C] --OPTION VALUE...
                        a placeholder with its static layer, as snippets carry it
  stylesheets DIR       write each widget kind's static-layer stylesheet into DIR
  render <tally|payments|grid-map> [--format html|svg] [--out FILE] [--OPTION VALUE]...
                        a widget drawn by its own components: HTML with its static layer,
                        or an SVG image of the map or the chart";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("", &[][..]),
    };
    let result = match command {
        "facts" => commands::facts::run(rest),
        "bundle" => commands::bundle::run(rest),
        "schema" => commands::schema::run(rest),
        "validate" => commands::validate::run(rest),
        "page" => commands::page::run(rest),
        "placeholder" => commands::placeholder::run(rest),
        "stylesheets" => commands::placeholder::stylesheets(rest),
        "render" => commands::render::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(ExitCode::from(2))
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    })
}
