//! The dismissible notice saying which parts of a link were ignored.

use yew::prelude::*;

/// Properties of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// What to say.
    pub text: AttrValue,
    /// Called when the reader dismisses it.
    pub on_dismiss: Callback<()>,
}

/// `#notice` with a `button.notice-dismiss`.
#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div id="notice" role="status">
            <p class="notice-text">{ props.text.clone() }</p>
            <button type="button" class="notice-dismiss" {onclick} aria-label="Dismiss this notice">
                { "Dismiss" }
            </button>
        </div>
    }
}
