//! The search box, with a help popover for the query language.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The query language, as shown in the help popover.
const HELP: &[(&str, &str)] = &[
    ("rutte nato", "both words"),
    ("\"eastern flank\"", "the exact phrase"),
    ("nato -russia", "without a word"),
    ("patriot OR missile", "either word"),
    (
        "person:rutte",
        "mentions a person (also org:, place:, other:, entity:)",
    ),
    ("source:bns", "from a source"),
    ("said:rutte", "quotes a speaker"),
    ("date:2024-04", "in a year, month or day"),
    ("date:2021-01..2021-03", "in a date range"),
    ("before:2024 after:2021", "before or after a date"),
];

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
            <details id="query-help" class="query-help">
                <summary aria-label="Search help">{ "?" }</summary>
                <div class="query-help-body" role="note">
                    <p>{ "Every word must match; case and accents do not matter, the last word is completed as you type, and one typo is forgiven in longer words." }</p>
                    <dl>
                        { for HELP.iter().map(|(q, what)| html! { <><dt><code>{ *q }</code></dt><dd>{ *what }</dd></> }) }
                    </dl>
                </div>
            </details>
        </form>
    }
}
