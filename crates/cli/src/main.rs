//! Native command-line tool: prints the story's facts, renders widgets to SVG, validates configs.

fn main() {
    eprintln!("usage: cli <facts|render|validate> ...");
    std::process::exit(2);
}
