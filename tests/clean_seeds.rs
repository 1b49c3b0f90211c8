//! The cleaning stage on the five real seed articles in ../shared/seeds (outlet copy, read at
//! run time and never committed). Lines are found by their shape or by generic furniture
//! words, never by quoting the articles. See `tests/shared` for what happens when the folder is absent.
#![cfg(not(target_arch = "wasm32"))]

mod shared;


use crosscheck::read::clean::{clean, Layout};
use crosscheck::report::Role;

/// The seed whose file name starts with `prefix`, or `None` (with a note) when absent.
fn seed(prefix: &str) -> Option<String> {
    let seeds = shared::seed_articles()?;
    let seed = seeds.into_iter().find(|a| a.name.starts_with(prefix));
    Some(seed.unwrap_or_else(|| panic!("no seed {prefix}* in ../shared/seeds")).text)
}

/// Every line with its role, in order.
fn lines<'a>(text: &'a str, layout: &Layout) -> Vec<(&'a str, Role)> {
    layout.blocks.iter().map(|b| (&text[b.range.clone()], b.role)).collect()
}

fn count(lines: &[(&str, Role)], role: Role) -> usize {
    lines.iter().filter(|(_, r)| *r == role).count()
}

fn print_roles(name: &str, lines: &[(&str, Role)]) {
    eprintln!("{name}: {} lines, {} body", lines.len(), count(lines, Role::Body));
    for (line, role) in lines {
        let start: String = line.chars().take(40).collect();
        eprintln!("  {role:?}\t{start}");
    }
}

/// The body holds the article: between `low` and `high` lines.
fn assert_body_lines(name: &str, lines: &[(&str, Role)], low: usize, high: usize) {
    let body = count(lines, Role::Body);
    assert!((low..=high).contains(&body), "{name}: {body} body lines, expected {low}..={high}");
}

#[test]
fn seed_000_keeps_every_paragraph_and_drops_the_source_link() {
    let Some(text) = seed("000") else { return };
    let layout = clean(&text);
    let lines = lines(&text, &layout);
    print_roles("000", &lines);
    let (last, role) = lines[lines.len() - 1];
    assert!(last.to_lowercase().starts_with("source"), "{last:?}");
    assert_eq!(role, Role::Boilerplate);
    assert!(lines[..lines.len() - 1].iter().all(|(_, r)| *r == Role::Body), "every paragraph is body");
    assert_body_lines("000", &lines, 8, 10);
}

#[test]
fn seed_001_repeated_headline_and_glued_ad_marker() {
    let Some(text) = seed("001") else { return };
    let layout = clean(&text);
    let lines = lines(&text, &layout);
    print_roles("001", &lines);
    let (title, role) = lines[0];
    assert_eq!(role, Role::Title);
    let copies: Vec<Role> = lines[1..].iter().filter(|(l, _)| *l == title).map(|(_, r)| *r).collect();
    assert!(copies.len() >= 2, "the headline is repeated");
    assert!(copies.iter().all(|r| *r == Role::Boilerplate), "{copies:?}");
    assert_eq!(lines[lines.len() - 1].1, Role::Boilerplate, "the wire credit on the last line");

    assert_eq!(layout.junk.len(), 1, "{:?}", layout.junk.iter().map(|j| &text[j.clone()]).collect::<Vec<_>>());
    let junk = layout.junk[0].clone();
    let marker = &text[junk.clone()];
    assert!(marker.chars().filter(|c| c.is_alphabetic()).all(|c| ('\u{600}'..='\u{6FF}').contains(&c)), "{marker:?}");
    assert!(text[..junk.start].ends_with('.'), "glued to a full stop");
    let block =
        layout.blocks.iter().find(|b| b.range.start <= junk.start && junk.end <= b.range.end).expect("in a line");
    assert_eq!(block.role, Role::Body);
    assert_eq!(junk.end, block.range.end, "at the end of its line");
    assert_body_lines("001", &lines, 10, 12);
}

#[test]
fn seed_002_signature_buttons_and_section_headings() {
    let Some(text) = seed("002") else { return };
    let layout = clean(&text);
    let lines = lines(&text, &layout);
    print_roles("002", &lines);
    assert_eq!(lines[0].1, Role::Title);
    for furniture in ["News Desk", "Share it", "Next Story", "- Author"] {
        let found: Vec<Role> = lines.iter().filter(|(l, _)| l.starts_with(furniture)).map(|(_, r)| *r).collect();
        assert!(!found.is_empty(), "{furniture:?} present");
        assert!(found.iter().all(|r| *r == Role::Boilerplate), "{furniture:?}: {found:?}");
    }
    // Section headings: short lines without final punctuation followed by a long paragraph.
    let headings: Vec<(&str, Role)> = lines
        .windows(2)
        .skip(1)
        .filter(|w| {
            let (line, next) = (w[0].0, w[1].0);
            line.split_whitespace().count() <= 8
                && !line.ends_with(['.', '!', '?', ':'])
                && next.split_whitespace().count() > 40
        })
        .map(|w| w[0])
        .collect();
    assert!(headings.len() >= 3, "{headings:?}");
    assert!(headings.iter().all(|(_, r)| *r == Role::Heading), "{headings:?}");
    assert_eq!(count(&lines, Role::Offtopic), 0, "every paragraph is about the talks");
    assert_body_lines("002", &lines, 10, 12);
}

#[test]
fn seed_003_teasers_and_cookie_notice_are_not_body() {
    let Some(text) = seed("003") else { return };
    let layout = clean(&text);
    let lines = lines(&text, &layout);
    print_roles("003", &lines);
    let teasers: Vec<(&str, Role)> = lines.iter().copied().filter(|(l, _)| l.ends_with('\u{2026}')).collect();
    assert!(teasers.len() >= 5, "{teasers:?}");
    assert!(teasers.iter().all(|(_, r)| *r != Role::Body), "{teasers:?}");
    let cookies: Vec<Role> =
        lines.iter().filter(|(l, _)| l.to_lowercase().contains("cookies")).map(|(_, r)| *r).collect();
    assert_eq!(cookies, [Role::Boilerplate]);
    assert_body_lines("003", &lines, 12, 14);
}

#[test]
fn seed_004_stories_after_the_legal_warning_are_offtopic() {
    let Some(text) = seed("004") else { return };
    let layout = clean(&text);
    let lines = lines(&text, &layout);
    print_roles("004", &lines);
    let warning = lines.iter().position(|(l, _)| l.starts_with("LEGAL WARNING")).expect("a legal warning");
    assert_eq!(lines[warning].1, Role::Boilerplate);
    let after = &lines[warning + 1..];
    assert_eq!(after.len(), 3, "three stories follow the warning");
    assert!(after.iter().all(|(_, r)| *r == Role::Offtopic), "{after:?}");
    assert!(lines[..warning].iter().all(|(_, r)| *r != Role::Offtopic), "the article itself stays");
    assert_eq!(lines[0].1, Role::Title);
    assert_body_lines("004", &lines, 12, 14);
    let credit: Vec<&str> = layout.junk.iter().map(|j| &text[j.clone()]).collect();
    assert!(credit.iter().all(|c| c.starts_with('(') && c.ends_with(')')), "{credit:?}");
}

#[test]
fn seeds_clean_in_linear_time() {
    let Some(first) = seed("00") else { return };
    let texts: Vec<String> = ["000", "001", "002", "003", "004"].iter().filter_map(|p| seed(p)).collect();
    let started = std::time::Instant::now();
    let rounds = 200;
    let mut lines = 0;
    for _ in 0..rounds {
        for text in &texts {
            lines += clean(text).blocks.len();
        }
    }
    let per_set = started.elapsed() / rounds;
    eprintln!("cleaning the {} seeds: {per_set:?} per set ({lines} lines)", texts.len());
    let big = first.repeat(200);
    let started = std::time::Instant::now();
    let layout = clean(&big);
    eprintln!("one {} KB text: {:?}, {} lines", big.len() / 1000, started.elapsed(), layout.blocks.len());
    assert!(started.elapsed().as_secs() < 10, "linear, not quadratic");
}
