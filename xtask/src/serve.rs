//! Serves `dist/` on 127.0.0.1 with the right MIME types and precompressed brotli/gzip bodies.
//!
//! A small std-only HTTP/1.1 file server: enough for the demo, the embed builder and the
//! end-to-end tests, which start it in-process on a free port.

use crate::util::{self, Error, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    let mut port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8000);
    let mut build = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or(Error::MissingValue {
                        option: "--port",
                        what: "a number",
                    })?;
            }
            "--no-build" => build = false,
            other => {
                return Err(Error::UnknownOption {
                    task: "serve",
                    option: other.to_owned(),
                })
            }
        }
    }
    if build {
        crate::setup::run()?;
        crate::dist::run()?;
    }
    let listener = bind(port)?;
    let addr = listener.local_addr().map_err(Error::NoAddress)?;
    eprintln!(
        "\nServing dist/ at http://{addr}/  (demo article: http://{addr}/index.html; Ctrl-C stops)"
    );
    accept_loop(listener, util::root().join("dist"));
    Ok(())
}

pub fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|source| Error::Listen { port, source })
}

/// Starts the server on a free port in a background thread; used by the end-to-end tests.
pub fn spawn_background() -> Result<SocketAddr> {
    spawn_background_at(util::root().join("dist"))
}

/// Serves `dir` (a bundle built like `dist/`) on a free loopback port, in a background thread.
pub fn spawn_background_at(dir: PathBuf) -> Result<SocketAddr> {
    let listener = bind(0)?;
    let addr = listener.local_addr().map_err(Error::NoAddress)?;
    std::thread::spawn(move || accept_loop(listener, dir));
    Ok(addr)
}

fn accept_loop(listener: TcpListener, dist: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dist);
        });
    }
}

fn handle(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut accept_encoding = String::new();
        let mut keep_alive = true;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                match name.trim().to_ascii_lowercase().as_str() {
                    "accept-encoding" => accept_encoding = value.to_ascii_lowercase(),
                    "connection" => keep_alive = !value.trim().eq_ignore_ascii_case("close"),
                    "content-length" => {
                        let n: u64 = value.trim().parse().unwrap_or(0);
                        std::io::copy(&mut (&mut reader).take(n), &mut std::io::sink())?;
                    }
                    _ => {}
                }
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let response = respond(method, target, &accept_encoding, dist);
        stream.write_all(&response)?;
        if !keep_alive {
            return Ok(());
        }
    }
}

fn respond(method: &str, target: &str, accept_encoding: &str, dist: &Path) -> Vec<u8> {
    if method != "GET" && method != "HEAD" {
        return plain(405, "Method Not Allowed", "only GET and HEAD");
    }
    let Some(path) = resolve(target, dist) else {
        return plain(404, "Not Found", "not found");
    };
    let (body_path, encoding) = [("br", ".br"), ("gzip", ".gz")]
        .iter()
        .find_map(|(name, ext)| {
            let candidate = PathBuf::from(format!("{}{ext}", path.display()));
            (accepts(accept_encoding, name) && candidate.is_file())
                .then_some((candidate, Some(*name)))
        })
        .unwrap_or((path.clone(), None));
    let Ok(body) = std::fs::read(&body_path) else {
        return plain(404, "Not Found", "not found");
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Hashed build files never change; everything else is revalidated.
    let cache = if name.starts_with("embed-") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nVary: Accept-Encoding\r\nX-Content-Type-Options: nosniff\r\n",
        mime(&path),
        body.len()
    );
    if let Some(enc) = encoding {
        head.push_str(&format!("Content-Encoding: {enc}\r\n"));
    }
    // Published files may be loaded from other origins (module scripts and SRI need CORS).
    head.push_str("Access-Control-Allow-Origin: *\r\n");
    // Pages under /test/csp/ get the strictest policy the embed contract promises to work under.
    if target.starts_with("/test/csp/") {
        head.push_str(&format!("Content-Security-Policy: {STRICT_CSP}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if method == "GET" {
        out.extend_from_slice(&body);
    }
    out
}

/// The policy the widgets must work under (docs/embedding.md).
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

fn accepts(header: &str, encoding: &str) -> bool {
    header.split(',').any(|part| {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let q_zero = it.any(|p| p.trim().replace(' ', "") == "q=0");
        name == encoding && !q_zero
    })
}

/// Maps a request target to a file under `dist`, refusing anything that would leave it.
fn resolve(target: &str, dist: &Path) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut out = dist.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn plain(code: u16, reason: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_dist() {
        let dist = util::root();
        assert_eq!(resolve("/../Cargo.toml", &dist.join("xtask")), None);
        assert_eq!(resolve("/%2e%2e/Cargo.toml", &dist.join("xtask")), None);
        assert!(resolve("/Cargo.toml", &dist).is_some());
    }

    #[test]
    fn reads_accept_encoding_with_quality_values() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn serves_wasm_with_its_mime_type() {
        assert_eq!(mime(Path::new("a/embed-1234.wasm")), "application/wasm");
    }
}
