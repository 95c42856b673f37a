//! The root component: owns the state, keeps it in step with the URL and lays out the columns.

use std::rc::Rc;

use dossier_engine::view::{self, View};
use dossier_engine::{Entity, EntityKind};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::active_filters::ActiveFilters;
use super::copy_link::CopyLink;
use super::entity_page::EntityPage;
use super::entity_panel::EntityPanel;
use super::network::Network;
use super::notice::Notice;
use super::quotes::{quote_count, Quotes};
use super::reader::Reader;
use super::results::Results;
use super::search_box::SearchBox;
use super::source_panel::SourcePanel;
use super::theme_toggle::ThemeToggle;
use super::timeline::Timeline;
use super::year_panel::YearPanel;
use super::{human_date, kind_class, kind_plural};
use crate::keys::{self, Command};
use crate::route::{self, Entry};
use crate::state::{Action, AppState};
use crate::{corpus, filter};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let (view, notice) = route::current();
        AppState { view, notice }
    });
    let v = &state.view;

    // Typing and cleaned-up start URLs replace the history entry; links push theirs themselves.
    use_effect_with(state.view.clone(), |view| {
        route::write(view, Entry::Replace)
    });

    // Back and forward re-read the URL.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                route::cancel();
                let (view, notice) = route::current();
                dispatcher.dispatch(Action::Show { view, notice });
            });
            move || drop(listener)
        });
    }

    // Start-up draws in two tasks, so that neither blocks the page for long: first the top bar
    // and the timeline, then (from a timer, after the browser has had a turn) the results below
    // them, the filter column and the reader pane. Nothing drawn first moves when the rest
    // arrives. The page counts as ready once both are drawn.
    let started = use_state_eq(|| false);
    {
        let started = started.clone();
        use_effect_with((), move |_| {
            let timer = gloo::timers::callback::Timeout::new(0, move || started.set(true));
            move || drop(timer)
        });
    }
    use_effect_with(*started, |started| {
        if *started {
            mark_ready();
        }
    });

    // Keyboard shortcuts read the latest view from here.
    let latest = use_mut_ref(View::default);
    *latest.borrow_mut() = state.view.clone();
    let help = use_state(|| false);
    let help_open = use_mut_ref(|| false);
    *help_open.borrow_mut() = *help;
    {
        let dispatcher = state.dispatcher();
        let help = help.clone();
        use_effect_with((), move |_| {
            // Not passive: shortcuts cancel the key's default action (typing `/` into the box).
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if *help_open.borrow() && e.key() == "Escape" {
                        help.set(false);
                        return;
                    }
                    let current = latest.borrow().clone();
                    match keys::handle(e, &current) {
                        Some(Command::Go(view)) => {
                            e.prevent_default();
                            route::write(&view, Entry::Push);
                            dispatcher.dispatch(Action::Show { view, notice: None });
                        }
                        Some(Command::Help) => help.set(!*help_open.borrow()),
                        Some(Command::ClearQuery) => {
                            dispatcher.dispatch(Action::Query(String::new()))
                        }
                        _ => {}
                    }
                },
            );
            move || drop(listener)
        });
    }

    // On a phone one panel shows at a time; opening a document or entity page shows the reader.
    let tab = use_state_eq(|| {
        if state.view.doc.is_some() || state.view.entity_page.is_some() {
            Tab::Reader
        } else {
            Tab::Results
        }
    });
    {
        let tab = tab.clone();
        use_effect_with(
            (v.doc.clone(), v.entity_page.clone()),
            move |(doc, page)| {
                tab.set(if doc.is_some() || page.is_some() {
                    Tab::Reader
                } else {
                    Tab::Results
                });
            },
        );
    }

    // Title and scroll position follow the open document or entity page.
    let opened_before = use_mut_ref(|| false);
    use_effect_with(
        (v.doc.clone(), v.entity_page.clone()),
        move |(doc, page)| {
            let c = corpus();
            let name = page
                .as_deref()
                .and_then(|id| c.entity_index(id))
                .map(|i| c.entities[i as usize].name.as_str())
                .or_else(|| {
                    doc.as_deref()
                        .and_then(|id| c.document_index(id))
                        .map(|i| c.documents[i as usize].title.as_str())
                });
            let document = gloo::utils::document();
            document.set_title(&match name {
                Some(n) => format!("{n} – Dossier"),
                None => "Dossier".to_string(),
            });
            // At start-up nothing has scrolled yet, and moving the scroll would make the browser lay
            // the page out in the middle of the first render.
            if std::mem::replace(&mut *opened_before.borrow_mut(), true) {
                if let Some(pane) = document.get_element_by_id("reader-pane") {
                    pane.set_scroll_top(0);
                }
                // On narrow screens the page itself scrolls.
                if doc.is_some() || page.is_some() {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        },
    );

    let results = {
        let key = (
            v.q.clone(),
            v.entities.clone(),
            v.sources.clone(),
            v.from,
            v.to,
            v.sort,
        );
        use_memo(key, |(q, entities, sources, from, to, sort)| {
            let filter_view = View {
                q: q.clone(),
                entities: entities.clone(),
                sources: sources.clone(),
                from: *from,
                to: *to,
                sort: *sort,
                ..View::default()
            };
            filter::results(corpus(), &filter_view)
        })
    };
    let results: Rc<Vec<u32>> = results;
    // The timeline charts the results without their date range, so a brush can be widened again.
    // Without a date range that is the result list itself (in another order, which the chart
    // does not use), so the search runs once a keystroke.
    let undated_results = {
        let dated = v.from.is_some() || v.to.is_some();
        let key = (v.q.clone(), v.entities.clone(), v.sources.clone(), dated);
        let memo = use_memo(key, |(q, entities, sources, dated)| {
            dated.then(|| {
                let filter_view = View {
                    q: q.clone(),
                    entities: entities.clone(),
                    sources: sources.clone(),
                    ..View::default()
                };
                Rc::new(filter::results(corpus(), &filter_view))
            })
        });
        match &*memo {
            Some(r) => r.clone(),
            None => results.clone(),
        }
    };
    // Callbacks made once, so that children whose other props did not change skip re-rendering.
    let on_navigate = {
        let dispatcher = state.dispatcher();
        use_callback((), move |view: View, _| {
            route::write(&view, Entry::Push);
            dispatcher.dispatch(Action::Show { view, notice: None });
        })
    };

    let onclick = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            if let Some(href) = route::intercept(&e) {
                let (view, notice) = route::parse(&href);
                route::write(&view, Entry::Push);
                dispatcher.dispatch(Action::Show { view, notice });
            }
        })
    };
    let on_input = {
        let dispatcher = state.dispatcher();
        use_callback((), move |q: String, _| {
            dispatcher.dispatch(Action::Query(q))
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::DismissNotice))
    };

    let quote_count = {
        let key = (results.clone(), v.q.clone());
        *use_memo(key, |(results, q)| quote_count(results, q))
    };
    let c = corpus();
    let entity_page = v.entity_page.as_deref().and_then(|id| c.entity_index(id));
    let doc = v.doc.as_deref().and_then(|id| c.document_index(id));
    let pane = if let Some(e) = entity_page {
        html! { <EntityPage view={v.clone()} entity={e} on_navigate={on_navigate.clone()} /> }
    } else if let Some(d) = doc {
        html! { <Reader view={v.clone()} doc={d} results={results.clone()} /> }
    } else {
        html! { <Overview /> }
    };
    let list = match (*started, v.quotes) {
        (false, _) => html! {},
        (true, true) => html! { <Quotes view={v.clone()} results={results.clone()} /> },
        (true, false) => html! { <Results view={v.clone()} results={results.clone()} /> },
    };
    let open = entity_page.is_some() || doc.is_some();
    let active_filters =
        v.entities.len() + v.sources.len() + usize::from(v.from.is_some() || v.to.is_some());
    let tab_button = |t: Tab, label: &str| {
        let tab = tab.clone();
        let current = *tab == t;
        html! {
            <button type="button" role="tab" class={classes!("tab", current.then_some("current"))}
                    aria-selected={if current { "true" } else { "false" }}
                    onclick={Callback::from(move |_: MouseEvent| tab.set(t))}>{ label.to_string() }</button>
        }
    };

    html! {
        <div class={classes!("app", open.then_some("has-open"))} data-tab={tab.as_str()} {onclick}>
            <header class="topbar">
                <a class="brand" href="?">{ "Dossier" }</a>
                <SearchBox value={v.q.clone()} {on_input} />
                <CopyLink />
                <ThemeToggle />
            </header>
            if *help {
                <Shortcuts on_close={{ let help = help.clone(); Callback::from(move |_| help.set(false)) }} />
            }
            if let Some(text) = &state.notice {
                <Notice text={text.clone()} {on_dismiss} />
            }
            <ActiveFilters view={v.clone()} />
            <nav class="tabs" role="tablist" aria-label="Panels">
                { tab_button(Tab::Results, "Results") }
                { tab_button(Tab::Filters, &match active_filters {
                    0 => "Filters".to_string(),
                    n => format!("Filters ({n})"),
                }) }
                { tab_button(Tab::Reader, if entity_page.is_some() { "Entity" } else { "Reader" }) }
            </nav>
            <div class="columns">
                <aside class="facets" aria-label="Filters">
                    if *started {
                        <EntityPanel view={v.clone()} results={results.clone()} />
                        <YearPanel view={v.clone()} results={results.clone()} />
                        <SourcePanel view={v.clone()} results={results.clone()} />
                    }
                </aside>
                <section class="results-pane" aria-label="Results">
                    <Timeline view={v.clone()} results={undated_results} on_navigate={on_navigate.clone()} />
                    if v.network {
                        <Network view={v.clone()} results={results.clone()} {on_navigate} />
                    }
                    <nav class="results-mode" aria-label="Show">
                        <a id="mode-documents" class={classes!("mode", (!v.quotes).then_some("current"))} aria-current={(!v.quotes).then_some("page")}
                           href={view::href(&view::with_quotes(v, false))}>{ "Documents" }</a>
                        <a id="mode-quotes" class={classes!("mode", v.quotes.then_some("current"))} aria-current={v.quotes.then_some("page")}
                           href={view::href(&view::with_quotes(v, true))}>{ format!("Quotes ({})", quote_count) }</a>
                        if !v.network {
                            <a id="network-toggle" class="mode" href={view::href(&view::with_network(v, true, v.min_count, v.min_lift))}>{ "Entity network" }</a>
                        }
                    </nav>
                    { list }
                </section>
                <section class="reader-pane" id="reader-pane" aria-label="Reader">
                    if *started {
                        { pane }
                    }
                </section>
            </div>
        </div>
    }
}

/// The panel shown on narrow screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Results,
    Filters,
    Reader,
}

impl Tab {
    fn as_str(self) -> &'static str {
        match self {
            Tab::Results => "results",
            Tab::Filters => "filters",
            Tab::Reader => "reader",
        }
    }
}

/// Properties of [`Shortcuts`].
#[derive(Properties, PartialEq)]
struct ShortcutsProps {
    on_close: Callback<()>,
}

/// The list of keyboard shortcuts, opened with `?`.
#[function_component(Shortcuts)]
fn shortcuts(props: &ShortcutsProps) -> Html {
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section id="shortcuts" role="dialog" aria-label="Keyboard shortcuts">
            <h2>{ "Keyboard shortcuts" }</h2>
            <dl>
                <dt><kbd>{ "/" }</kbd></dt><dd>{ "search" }</dd>
                <dt><kbd>{ "j" }</kbd>{ " " }<kbd>{ "k" }</kbd></dt><dd>{ "next / previous result" }</dd>
                <dt><kbd>{ "Enter" }</kbd></dt><dd>{ "open the focused result or link" }</dd>
                <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "clear or leave the search box, close the document or entity page" }</dd>
                <dt><kbd>{ "?" }</kbd></dt><dd>{ "show or hide this list" }</dd>
            </dl>
            <button type="button" class="shortcuts-close" {onclick}>{ "Close" }</button>
        </section>
    }
}

/// Entities listed per type on the landing view.
const TOP_ENTITIES: usize = 8;

/// What the reader column shows when nothing is open: what the corpus holds.
#[function_component(Overview)]
fn overview() -> Html {
    let c = corpus();
    let dates: Vec<_> = c.documents.iter().filter_map(|d| d.date).collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!(", dated {} to {}", human_date(*a), human_date(*b)),
        _ => String::new(),
    };
    html! {
        <div class="overview">
            <h1>{ "Dossier" }</h1>
            <p>{ format!("{} and {}{span}.",
                super::plural(c.documents.len(), "document", "documents"),
                super::plural(c.entities.len(), "entity", "entities")) }</p>
            <p class="hint">{ "Search above, pick entities or years on the left to narrow the list, and open a result to read it. Every view has its own link; press / to search, j and k to move through the results, Esc to close." }</p>
            { for EntityKind::ALL.into_iter().filter_map(|k| {
                let mut top: Vec<&Entity> = c.entities.iter().filter(|e| e.kind == k).collect();
                if top.is_empty() {
                    return None;
                }
                dossier_engine::sort::sort_by(&mut top, |a, b| b.documents.len().cmp(&a.documents.len()).then(a.name.cmp(&b.name)));
                top.truncate(TOP_ENTITIES);
                Some(html! {
                    <section class="overview-entities">
                        <h2><span class={classes!("swatch", kind_class(k))} aria-hidden="true"></span>{ format!("Most mentioned: {}", kind_plural(k).to_lowercase()) }</h2>
                        <ul class="inline">
                            { for top.into_iter().map(|e| html! {
                                <li>
                                    <a class={classes!("entity-link", kind_class(k))} data-entity-id={e.id.clone()}
                                       href={view::href(&View { entity_page: Some(e.id.clone()), ..View::default() })}>{ e.name.clone() }</a>
                                    <span class="count">{ format!(" {}", e.documents.len()) }</span>
                                </li>
                            }) }
                        </ul>
                    </section>
                })
            }) }
        </div>
    }
}

/// Tells tests and benchmarks the first render is done, and removes the loading message.
fn mark_ready() {
    let document = gloo::utils::document();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    if let Some(body) = document.body() {
        let _ = body.dataset().set("ready", "true");
    }
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark("dossier-ready");
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::App;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web_sys::{KeyboardEvent, KeyboardEventInit};

    wasm_bindgen_test_configure!(run_in_browser);

    /// Waits for a timer of `ms` milliseconds.
    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    /// What the page holds at the moment it says it is ready.
    #[derive(Debug, Default, PartialEq)]
    struct AtReady {
        search: usize,
        timeline: usize,
        results: usize,
        entity_panel: usize,
        overview: usize,
    }

    /// Mounts the app in a new element and waits (up to 10 s) until it says it is ready; also
    /// returns what the page held at that moment, read by a mutation observer in the same task
    /// that set `body[data-ready]`.
    async fn mount_ready() -> (yew::AppHandle<App>, web_sys::Element, AtReady) {
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;

        let document = gloo::utils::document();
        let body = document.body().unwrap();
        body.dataset().delete("ready");
        let root = document.create_element("div").unwrap();
        body.append_child(&root).unwrap();
        let seen: Rc<RefCell<Option<AtReady>>> = Rc::default();
        let observer = {
            let (seen, root, watched) = (seen.clone(), root.clone(), body.clone());
            let callback = Closure::<dyn FnMut()>::new(move || {
                if seen.borrow().is_none() && watched.dataset().get("ready").is_some() {
                    *seen.borrow_mut() = Some(AtReady {
                        search: count(&root, "input#search"),
                        timeline: count(&root, "figure#timeline"),
                        results: count(&root, "#results > li.result"),
                        entity_panel: count(&root, "#entity-panel"),
                        overview: count(&root, "#reader-pane .overview"),
                    });
                }
            });
            let observer =
                web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
            callback.forget();
            let options = web_sys::MutationObserverInit::new();
            options.set_attribute_filter(&js_sys::Array::of1(&"data-ready".into()));
            observer.observe_with_options(&body, &options).unwrap();
            observer
        };
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        for _ in 0..1000 {
            if let Some(at_ready) = seen.borrow_mut().take() {
                observer.disconnect();
                return (handle, root, at_ready);
            }
            sleep(10).await;
        }
        panic!("the app never set body[data-ready]");
    }

    fn count(root: &web_sys::Element, selector: &str) -> usize {
        root.query_selector_all(selector).unwrap().length() as usize
    }

    #[wasm_bindgen_test]
    async fn ready_is_set_only_once_the_deferred_panes_are_drawn() {
        let (handle, root, at_ready) = mount_ready().await;
        // The top bar and the timeline come first, the results, the filter column and the
        // reader pane a task later: the page is ready only once all of them are there.
        assert_eq!(
            at_ready,
            AtReady {
                search: 1,
                timeline: 1,
                results: crate::corpus().documents.len(),
                entity_panel: 1,
                overview: 1,
            }
        );
        handle.destroy();
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn slash_shortcut_cancels_the_key_so_it_is_not_typed() {
        let document = gloo::utils::document();
        let (handle, root, _) = mount_ready().await;
        let results = count(&root, "#results > li.result");
        assert_eq!(results, crate::corpus().documents.len());

        let init = KeyboardEventInit::new();
        init.set_key("/");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        document.body().unwrap().dispatch_event(&event).unwrap();
        assert!(
            event.default_prevented(),
            "a passive listener cannot cancel the key"
        );
        let focused = document.active_element().unwrap();
        assert_eq!(focused.id(), "search");
        assert!(focused.dyn_ref::<web_sys::HtmlInputElement>().is_some());
        handle.destroy();
        root.remove();
    }
}
