//! The live text filter.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The current query.
    pub value: AttrValue,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
}

/// `<input id="search" type="search">`.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for="search" class="visually-hidden">{ "Search the documents" }</label>
            <input
                id="search"
                type="search"
                value={props.value.clone()}
                {oninput}
                placeholder="Search: words or \"a phrase\""
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
