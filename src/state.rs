//! The app's one piece of state: the current view (what the URL says) and the notice, changed
//! only through [`Action`]s.

use std::rc::Rc;

use dossier_engine::view::{self, View};
use yew::Reducible;

/// Everything the app shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    /// What is on screen; the URL is its encoding.
    pub view: View,
    /// Text of the dismissible notice (parts of the link that were ignored), if any.
    pub notice: Option<String>,
}

/// Ways the state changes.
pub enum Action {
    /// Show another view (link click, back/forward); a notice replaces the current one.
    Show {
        /// The new view.
        view: View,
        /// What was ignored when reading it.
        notice: Option<String>,
    },
    /// The search text changed.
    Query(String),
    /// The notice was dismissed.
    DismissNotice,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Show { view, notice } => {
                next.view = view;
                if notice.is_some() {
                    next.notice = notice;
                }
            }
            Action::Query(q) => next.view = view::with_query(&self.view, &q),
            Action::DismissNotice => next.notice = None,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
