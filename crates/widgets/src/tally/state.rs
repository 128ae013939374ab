//! The tally's state: which cards are open, and the [`Action`]s that change it; pure, so it is
//! tested natively. A bitmask, not a set: the tally shows at most 32 cards (the build
//! refuses more) and a `u32` compares and copies for free on every render.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TallyState {
    open: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The card's disclosure button was pressed.
    Toggle(usize),
    /// Escape inside an open card.
    Close(usize),
}

fn bit(card: usize) -> u32 {
    u32::try_from(card)
        .ok()
        .and_then(|i| 1u32.checked_shl(i))
        .unwrap_or(0)
}

impl TallyState {
    pub fn is_open(self, card: usize) -> bool {
        self.open & bit(card) != 0
    }

    /// The state after `action`.
    pub fn after(self, action: Action) -> TallyState {
        match action {
            Action::Toggle(card) => TallyState {
                open: self.open ^ bit(card),
            },
            Action::Close(card) => TallyState {
                open: self.open & !bit(card),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_open_and_close_independently() {
        let s = TallyState::default()
            .after(Action::Toggle(0))
            .after(Action::Toggle(3));
        assert!(s.is_open(0) && s.is_open(3) && !s.is_open(1));
        let s = s.after(Action::Toggle(0));
        assert!(!s.is_open(0) && s.is_open(3));
    }

    #[test]
    fn escape_closes_only_its_card_and_never_opens_one() {
        let s = TallyState::default().after(Action::Toggle(2));
        assert!(!s.after(Action::Close(2)).is_open(2));
        assert_eq!(
            TallyState::default().after(Action::Close(1)),
            TallyState::default()
        );
    }

    #[test]
    fn a_card_beyond_the_mask_is_never_open() {
        let s = TallyState::default().after(Action::Toggle(40));
        assert_eq!(s, TallyState::default());
        assert!(!s.is_open(40));
    }
}
