//! Shared parts of the widgets (error box, source note, data table, ...), one file each under
//! `components/`.
