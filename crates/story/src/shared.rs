//! A list shared, not copied: cloning counts a reference, and comparing two clones stops at the
//! pointer.
//!
//! Why: views are cloned where they are kept (a chart's view, its table for the CSV) and
//! compared where a layer decides whether to redraw. A `Vec` of 5,000 series points, view
//! points or table rows would be copied and compared element by element each time. std's `Rc` compares by pointer
//! first only for `Eq` types, and points hold `f64`s; this does so for any `PartialEq`.

use std::ops::Deref;
use std::rc::Rc;

/// An immutable list behind a reference count, read as a slice.
#[derive(Debug)]
pub struct Shared<T>(Rc<[T]>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0[..] == other.0[..]
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Shared(iter.into_iter().collect())
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(v: Vec<T>) -> Self {
        Shared(v.into())
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared(Rc::from(Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_is_the_same_list_not_a_copy() {
        let a: Shared<f64> = vec![1.0, 2.0].into();
        let b = a.clone();
        assert!(std::ptr::eq(a.as_ptr(), b.as_ptr()));
        assert_eq!(b[1], 2.0);
    }

    #[test]
    fn a_clone_equals_its_original_even_holding_not_a_number() {
        let a: Shared<f64> = vec![f64::NAN].into();
        assert_eq!(a, a.clone(), "compared by pointer first");
        let fresh: Shared<f64> = vec![f64::NAN].into();
        assert_ne!(a, fresh, "otherwise element by element");
    }

    #[test]
    fn separate_lists_compare_by_their_elements() {
        let a: Shared<u8> = (1..=3).collect();
        assert_eq!(a, vec![1, 2, 3].into());
        assert_ne!(a, vec![1, 2].into());
        assert!(Shared::<u8>::default().is_empty());
    }
}
