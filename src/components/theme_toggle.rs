//! Light/dark theme switch: follows the system setting until the reader picks one, which is
//! remembered in `localStorage`.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

/// The `localStorage` key holding the chosen theme.
const KEY: &str = "dossier-theme";

/// A theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }
}

/// The remembered choice (`Auto` when none or unreadable).
pub fn saved() -> Theme {
    match LocalStorage::get::<String>(KEY).ok().as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::Auto,
    }
}

/// Sets `data-theme` on the root element (removed for `Auto`).
pub fn apply(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.as_str()),
        };
    }
}

/// `button#theme-toggle`: cycles auto → light → dark.
#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let theme = use_state(saved);
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = theme.next();
            apply(next);
            let _ = match next {
                Theme::Auto => {
                    LocalStorage::delete(KEY);
                    Ok(())
                }
                t => LocalStorage::set(KEY, t.as_str()),
            };
            theme.set(next);
        })
    };
    html! {
        <button type="button" id="theme-toggle" {onclick} data-theme-choice={theme.as_str()}
                title="Switch between the system theme, light and dark">
            { format!("Theme: {}", theme.as_str()) }
        </button>
    }
}
