//! Greedy label placement: labels in priority order, each tries its candidate positions and
//! takes the first whose box stays inside the frame and overlaps no placed label or obstacle;
//! a label that fits nowhere is dropped. Text width is estimated ([`crate::text::width`]),
//! which is enough with the padding kept around every box.

use crate::text::width as text_width;

/// What a label names; also its priority (lower first) and CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelKind {
    District,
    /// A figure beside a link (its capacity).
    Capacity,
    Note,
    Seat,
    Town,
}

impl LabelKind {
    pub fn class(self) -> &'static str {
        match self {
            LabelKind::District => "lbl-district",
            LabelKind::Capacity => "lbl-cap",
            LabelKind::Note => "lbl-note",
            LabelKind::Seat => "lbl-seat",
            LabelKind::Town => "lbl-town",
        }
    }
}

/// SVG `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

impl TextAnchor {
    pub fn as_str(self) -> &'static str {
        match self {
            TextAnchor::Start => "start",
            TextAnchor::Middle => "middle",
            TextAnchor::End => "end",
        }
    }
}

/// A placed label: draw `text` at (`x`, `y`) (baseline) with `anchor`, `size` px.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: TextAnchor,
    pub kind: LabelKind,
    pub size: f64,
    /// The link (index) this label belongs to: shown only while that link is.
    pub link: Option<usize>,
}

/// An axis-aligned box `[x0, y0, x1, y1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Box2(pub [f64; 4]);

impl Box2 {
    pub fn around(p: [f64; 2], r: f64) -> Self {
        Box2([p[0] - r, p[1] - r, p[0] + r, p[1] + r])
    }
    pub fn overlaps(&self, o: &Box2) -> bool {
        let [a0, b0, a1, b1] = self.0;
        let [c0, d0, c1, d1] = o.0;
        a0 < c1 && c0 < a1 && b0 < d1 && d0 < b1
    }
    fn inside(&self, w: f64, h: f64) -> bool {
        let [x0, y0, x1, y1] = self.0;
        x0 >= 0.0 && y0 >= 0.0 && x1 <= w && y1 <= h
    }
}

/// A label to place, with its candidate positions in order of preference.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub text: String,
    pub kind: LabelKind,
    pub size: f64,
    pub candidates: Vec<([f64; 2], TextAnchor)>,
    pub link: Option<usize>,
}

impl Request {
    /// The same request, for a label that belongs to link `i`.
    pub fn for_link(self, i: usize) -> Self {
        Request {
            link: Some(i),
            ..self
        }
    }

    /// Right, left, above and below a dot of radius `r` at `p`, then the four diagonals.
    pub fn beside_point(text: &str, p: [f64; 2], r: f64, kind: LabelKind, size: f64) -> Self {
        let gap = r + 3.0;
        let mid = p[1] + size * 0.35;
        let up = p[1] - gap - size * 0.2;
        let down = p[1] + gap + size * 0.8;
        let (right, left) = (p[0] + gap * 0.7, p[0] - gap * 0.7);
        Request {
            text: text.to_owned(),
            kind,
            size,
            candidates: vec![
                ([p[0] + gap, mid], TextAnchor::Start),
                ([p[0] - gap, mid], TextAnchor::End),
                ([p[0], up], TextAnchor::Middle),
                ([p[0], down], TextAnchor::Middle),
                ([right, up], TextAnchor::Start),
                ([right, down], TextAnchor::Start),
                ([left, up], TextAnchor::End),
                ([left, down], TextAnchor::End),
            ],
            link: None,
        }
    }

    /// Centred on `p`, then nudged by a line up or down, and by half its width sideways.
    pub fn centred(text: &str, p: [f64; 2], kind: LabelKind, size: f64) -> Self {
        let base = p[1] + size * 0.35;
        let half = text_width(text, size) / 2.0;
        let mut candidates = Vec::with_capacity(9);
        for (dx, dy) in [
            (0.0, 0.0),
            (0.0, -1.2),
            (0.0, 1.2),
            (-1.0, 0.0),
            (1.0, 0.0),
            (-1.0, -1.2),
            (1.0, -1.2),
            (-1.0, 1.2),
            (1.0, 1.2),
        ] {
            candidates.push(([p[0] + dx * half, base + dy * size], TextAnchor::Middle));
        }
        Request {
            text: text.to_owned(),
            kind,
            size,
            candidates,
            link: None,
        }
    }

    /// The box of the text drawn at candidate `c`, with a little padding.
    pub fn bbox(&self, c: ([f64; 2], TextAnchor)) -> Box2 {
        let w = text_width(&self.text, self.size);
        let ([x, y], anchor) = c;
        let x0 = match anchor {
            TextAnchor::Start => x,
            TextAnchor::Middle => x - w / 2.0,
            TextAnchor::End => x - w,
        };
        let pad = 2.0;
        Box2([
            x0 - pad,
            y - self.size * 0.88 - pad,
            x0 + w + pad,
            y + self.size * 0.22 + pad,
        ])
    }
}

/// Places `requests` by priority (kind, then given order) inside a `frame` of `[w, h]` px.
pub fn place(requests: &[Request], obstacles: &[Box2], frame: [f64; 2]) -> Vec<Label> {
    // Priority order without a sort (a stable sort costs ~3 KB of WASM).
    let kinds = [
        LabelKind::District,
        LabelKind::Capacity,
        LabelKind::Note,
        LabelKind::Seat,
        LabelKind::Town,
    ];
    let order = kinds
        .iter()
        .flat_map(|k| requests.iter().filter(move |r| r.kind == *k));
    let mut taken: Vec<Box2> = obstacles.to_vec();
    let mut out = Vec::new();
    for r in order {
        let found = r.candidates.iter().copied().find(|&c| {
            let b = r.bbox(c);
            b.inside(frame[0], frame[1]) && !taken.iter().any(|t| t.overlaps(&b))
        });
        if let Some(c) = found {
            taken.push(r.bbox(c));
            out.push(Label {
                text: r.text.clone(),
                x: c.0[0],
                y: c.0[1],
                anchor: c.1,
                kind: r.kind,
                size: r.size,
                link: r.link,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_its_first_free_candidate() {
        let r = Request::beside_point("金泽", [50.0, 50.0], 3.0, LabelKind::Town, 12.0);
        let placed = place(&[r], &[], [200.0, 100.0]);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].anchor, TextAnchor::Start);
    }

    #[test]
    fn a_label_at_the_right_edge_goes_left() {
        let r = Request::beside_point("金泽镇", [195.0, 50.0], 3.0, LabelKind::Town, 12.0);
        let placed = place(&[r], &[], [200.0, 100.0]);
        assert_eq!(placed[0].anchor, TextAnchor::End);
    }

    #[test]
    fn the_lower_priority_label_is_dropped_when_nothing_fits() {
        let town = Request::centred("西塘镇", [20.0, 10.0], LabelKind::Town, 12.0);
        let district = Request::centred("嘉善县", [20.0, 10.0], LabelKind::District, 12.0);
        let placed = place(&[town, district], &[], [40.0, 20.0]);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].kind, LabelKind::District);
    }

    #[test]
    fn obstacles_push_labels_aside() {
        let r = Request::beside_point("A", [50.0, 50.0], 3.0, LabelKind::Town, 12.0);
        let right = r.bbox(r.candidates[0]);
        let placed = place(&[r], &[right], [200.0, 100.0]);
        assert_eq!(placed[0].anchor, TextAnchor::End);
    }

    #[test]
    fn placed_labels_never_overlap() {
        let reqs: Vec<Request> = (0..30)
            .map(|i| {
                Request::beside_point(
                    "标签",
                    [20.0 + (i % 6) as f64 * 9.0, 20.0 + (i / 6) as f64 * 7.0],
                    3.0,
                    LabelKind::Town,
                    12.0,
                )
            })
            .collect();
        let placed = place(&reqs, &[], [120.0, 80.0]);
        assert!(!placed.is_empty() && placed.len() < 30);
        let boxes: Vec<Box2> = placed
            .iter()
            .map(|l| {
                Request::beside_point(&l.text, [0.0, 0.0], 3.0, l.kind, l.size)
                    .bbox(((l.x, l.y).into(), l.anchor))
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                assert!(!a.overlaps(b));
            }
        }
    }
}
