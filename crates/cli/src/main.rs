//! Native command-line tool: prints the story's facts, renders widgets to SVG, validates configs.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        _ => {
            eprintln!("usage: cli <facts|render|validate> ...");
            std::process::exit(2);
        }
    }
}
