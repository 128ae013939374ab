//! Shared arcs, TopoJSON style: rings and lines are cut at junctions (points where the
//! neighbours of a vertex differ between the paths through it), and equal pieces, in either
//! direction, are stored once. A border between two districts then is one arc referenced by
//! both rings, so simplifying the arc keeps the border shared. Build step only; also compiled
//! into `build.rs`.

use std::collections::{HashMap, HashSet};

/// An exact vertex key (e.g. lon/lat in units of 1e-5°).
pub type Key = [i64; 2];

/// Whether a path is a closed ring (first point not repeated) or an open line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Ring,
    Line,
}

/// The arcs (each a list of keys, closed arcs repeat their first key at the end) and, for
/// every input path, its arc references (`i` forwards, `!i` backwards).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topology {
    pub arcs: Vec<Vec<Key>>,
    pub refs: Vec<Vec<i32>>,
}

fn clean(kind: PathKind, pts: &[Key]) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::with_capacity(pts.len());
    for &p in pts {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    if kind == PathKind::Ring && out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

fn neighbours(a: Key, b: Key) -> (Key, Key) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Builds shared arcs for `paths`.
pub fn build(paths: &[(PathKind, Vec<Key>)]) -> Topology {
    let paths: Vec<(PathKind, Vec<Key>)> = paths.iter().map(|(k, p)| (*k, clean(*k, p))).collect();
    let mut seen: HashMap<Key, (Key, Key)> = HashMap::new();
    let mut junctions: HashSet<Key> = HashSet::new();
    for (kind, pts) in &paths {
        let n = pts.len();
        for (i, &p) in pts.iter().enumerate() {
            let (prev, next) = match kind {
                PathKind::Ring => (
                    pts.get((i + n - 1) % n).copied(),
                    pts.get((i + 1) % n).copied(),
                ),
                PathKind::Line => (
                    i.checked_sub(1).and_then(|j| pts.get(j)).copied(),
                    pts.get(i + 1).copied(),
                ),
            };
            let (Some(prev), Some(next)) = (prev, next) else {
                junctions.insert(p);
                continue;
            };
            let pair = neighbours(prev, next);
            match seen.get(&p) {
                Some(&old) if old != pair => {
                    junctions.insert(p);
                }
                Some(_) => {}
                None => {
                    seen.insert(p, pair);
                }
            }
        }
    }

    let mut index: HashMap<Vec<Key>, usize> = HashMap::new();
    let mut arcs: Vec<Vec<Key>> = Vec::new();
    let mut add = |piece: Vec<Key>, closed: bool| -> i32 {
        let reversed: Vec<Key> = if closed {
            canonical_ring(&piece.iter().rev().copied().collect::<Vec<_>>())
        } else {
            piece.iter().rev().copied().collect()
        };
        let piece = if closed {
            canonical_ring(&piece)
        } else {
            piece
        };
        if let Some(&i) = index.get(&piece) {
            return i as i32;
        }
        if let Some(&i) = index.get(&reversed) {
            return !(i as i32);
        }
        let i = arcs.len();
        index.insert(piece.clone(), i);
        arcs.push(piece);
        i as i32
    };

    let mut refs = Vec::with_capacity(paths.len());
    for (kind, pts) in &paths {
        let mut r = Vec::new();
        match kind {
            PathKind::Ring => {
                let start = pts.iter().position(|p| junctions.contains(p));
                match start {
                    None => {
                        if pts.len() >= 3 {
                            r.push(add(pts.clone(), true));
                        }
                    }
                    Some(s) => {
                        let mut rotated: Vec<Key> = pts.iter().skip(s).copied().collect();
                        rotated.extend(pts.iter().take(s + 1).copied());
                        for piece in split_at_junctions(&rotated, &junctions) {
                            r.push(add(piece, false));
                        }
                    }
                }
            }
            PathKind::Line => {
                if pts.len() >= 2 {
                    for piece in split_at_junctions(pts, &junctions) {
                        r.push(add(piece, false));
                    }
                }
            }
        }
        refs.push(r);
    }
    Topology { arcs, refs }
}

/// A closed ring rotated to start at its smallest key, with the first key repeated at the end.
fn canonical_ring(ring: &[Key]) -> Vec<Key> {
    let open: &[Key] = match ring {
        [first, .., last] if first == last => ring.get(..ring.len() - 1).unwrap_or(ring),
        _ => ring,
    };
    let start = open
        .iter()
        .enumerate()
        .min_by_key(|(_, p)| **p)
        .map_or(0, |(i, _)| i);
    let mut out: Vec<Key> = open.iter().skip(start).copied().collect();
    out.extend(open.iter().take(start + 1).copied());
    out
}

/// Pieces of an open sequence between junctions, each including both of its end points.
fn split_at_junctions(pts: &[Key], junctions: &HashSet<Key>) -> Vec<Vec<Key>> {
    let mut pieces = Vec::new();
    let mut cur: Vec<Key> = Vec::new();
    let last = pts.len().saturating_sub(1);
    for (i, &p) in pts.iter().enumerate() {
        cur.push(p);
        if i > 0 && i < last && junctions.contains(&p) {
            pieces.push(std::mem::replace(&mut cur, vec![p]));
        }
    }
    if cur.len() >= 2 {
        pieces.push(cur);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side, sharing the edge x = 1.
    fn two_squares() -> Vec<(PathKind, Vec<Key>)> {
        vec![
            (PathKind::Ring, vec![[0, 0], [1, 0], [1, 1], [0, 1]]),
            (PathKind::Ring, vec![[1, 0], [2, 0], [2, 1], [1, 1]]),
        ]
    }

    #[test]
    fn a_shared_edge_becomes_one_arc_used_by_both_rings() {
        let t = build(&two_squares());
        let shared: Vec<usize> = t.refs[0]
            .iter()
            .map(|&r| if r < 0 { !r as usize } else { r as usize })
            .filter(|i| {
                t.refs[1]
                    .iter()
                    .any(|&r| (if r < 0 { !r as usize } else { r as usize }) == *i)
            })
            .collect();
        assert_eq!(shared.len(), 1);
        let arc = &t.arcs[shared[0]];
        assert_eq!(arc.len(), 2);
        assert!(arc.contains(&[1, 0]) && arc.contains(&[1, 1]));
    }

    #[test]
    fn the_two_rings_run_the_shared_arc_in_opposite_directions() {
        let t = build(&two_squares());
        let signs: Vec<bool> = t
            .refs
            .iter()
            .flat_map(|r| r.iter())
            .filter(|&&r| {
                let i = if r < 0 { !r } else { r } as usize;
                t.arcs[i].contains(&[1, 0]) && t.arcs[i].contains(&[1, 1]) && t.arcs[i].len() == 2
            })
            .map(|&r| r < 0)
            .collect();
        assert_eq!(signs.len(), 2);
        assert_ne!(signs[0], signs[1]);
    }

    #[test]
    fn a_lone_ring_is_one_closed_arc() {
        let t = build(&[(PathKind::Ring, vec![[5, 5], [6, 5], [6, 6], [5, 5]])]);
        assert_eq!(t.arcs.len(), 1);
        assert_eq!(t.arcs[0].first(), t.arcs[0].last());
        assert_eq!(t.refs[0], vec![0]);
    }

    #[test]
    fn a_line_along_a_ring_edge_reuses_the_ring_arcs() {
        let mut paths = two_squares();
        paths.push((PathKind::Line, vec![[1, 1], [1, 0]]));
        let t = build(&paths);
        let before = build(&two_squares()).arcs.len();
        assert_eq!(t.arcs.len(), before);
        assert_eq!(t.refs[2].len(), 1);
    }

    #[test]
    fn repeated_points_and_an_empty_path_are_harmless() {
        let t = build(&[
            (PathKind::Line, vec![[0, 0], [0, 0], [1, 0]]),
            (PathKind::Line, vec![]),
            (PathKind::Ring, vec![[3, 3]]),
        ]);
        assert_eq!(t.arcs, vec![vec![[0, 0], [1, 0]]]);
        assert!(t.refs[1].is_empty() && t.refs[2].is_empty());
    }
}
