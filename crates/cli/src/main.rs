//! Native command-line tool: prints the story's facts, renders widgets to SVG, validates configs.

mod render;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("render") => render::run(rest),
        _ => Err("usage: cli <facts|render|validate> ...".to_owned()),
    };
    if let Err(e) = result {
        eprintln!("{e}");
        std::process::exit(2);
    }
}
