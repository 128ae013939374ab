//! One module per command.

pub mod facts;
pub mod page;
pub mod render_grid_map;
pub mod render_payments;
pub mod schema;
pub mod validate;

/// What a command returns: an exit code, or an error for `main` to print.
pub type Outcome = Result<std::process::ExitCode, crate::Error>;

/// `cli render <widget> --lang zh|en --out FILE`: one module per widget.
pub fn render(args: &[String]) -> Outcome {
    match args.split_first() {
        Some((w, rest)) if w == "payments" => render_payments::run(rest),
        Some((w, _)) if w == "grid-map" => {
            render_grid_map::run(args).map(|()| std::process::ExitCode::SUCCESS)
        }
        _ => {
            eprintln!("usage: cli render <payments|grid-map> --lang zh|en --out FILE");
            Ok(std::process::ExitCode::from(2))
        }
    }
}
