//! Light/dark theme switch: follows the system setting until the reader picks one, which is
//! remembered in `localStorage`.

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

/// The browser's local storage, if the page may use it (not in some private modes).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The remembered choice (`Auto` when none or unreadable). Stored as a JSON string, `"dark"`,
/// as the app always has; a bare `dark` reads the same.
pub fn saved() -> Theme {
    let value = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    match value.as_deref().map(|v| v.trim_matches('"')) {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::Auto,
    }
}

/// Remembers `theme` (forgets the choice for `Auto`). A storage that refuses keeps the theme for
/// this visit only.
fn save(theme: Theme) {
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::Auto => s.remove_item(KEY),
            t => s.set_item(KEY, &format!("\"{}\"", t.as_str())),
        };
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
            save(next);
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
