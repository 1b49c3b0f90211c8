//! Claim linking on the bundled example, against a hand-made claim gold (native only).
//!
//! In: `tests/claims_gold/example.json` (format in the README beside it) and the articles of
//! `www/example/`, compared with [`crate::compare`]; or any report JSON of schemaVersion 1 or 2
//! with the articles it was made from. Out: [`Figure`]s: link precision, recall and F1 over
//! (sentence, other source) pairs; precision and recall of `single`; how often the true partner
//! of an unlinked claim is the first, or among the first three, of its `closest[]`.
//!
//! The report is read as a [`serde_json::Value`], so the same code scores a version-1 report,
//! where a sentence is in one fact or none and has no claims (each body sentence then counts as
//! one claim, `single` when it is in no fact, `shared` otherwise, with no closest claims).
//!
//! Scoring, as `tests/claims_gold/README.md` states it:
//! - Gold texts are located in the article text and turned into UTF-16 offsets, the report's
//!   unit. Each report sentence belongs to the gold sentence of its source it overlaps most;
//!   report sentences that overlap none (bylines, notices, trailing stories) are "outside".
//! - Links: one pair per gold sentence and other source, plus one per outside sentence and
//!   other source. Gold positive: some claim of the gold sentence is reported by that source.
//!   Predicted positive: a report sentence of the pair takes part in a fact that includes that
//!   source. An outside sentence is never gold positive, so its links are false positives.
//! - `single`: over gold claims. Gold single: reported by no other source. Predicted single:
//!   the report claim that best overlaps the gold claim (most characters in common, then the
//!   smallest union, then the lowest id, among the claims of the sentences that belong to the
//!   gold sentence) has support `single`. A gold claim that no report claim overlaps is not
//!   predicted single.
//! - Closest: for each gold claim and each source that reports it, when the best-overlapping
//!   report claim is not `shared` (or there is none): among that claim's `closest[]` entries for
//!   that source, in order, is one that overlaps the gold partner sentence ranked first, or in
//!   the first three?

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use super::Figure;
use crate::report::Article;
use crate::Options;

/// Link figures of the schemaVersion 1 report of the bundled example (commit f9b5d8a, before
/// claims existed), measured once with [`score`] on that build's `--format json` output:
/// true positives / false positives / false negatives, and how many of the false positives are
/// on sentences outside the gold (there, the four fiction notices aligned as one fact).
const BEFORE_LINKS: &str = "v1 report: P 0.812 R 0.542 F1 0.650 (52 / 12 / 44, 12 outside)";
/// `single` figures of the same version-1 report, each body sentence read as one claim: true
/// positives / false positives / false negatives, and gold claims no report claim overlaps.
const BEFORE_SINGLE: &str = "v1 report: P 0.500 R 0.600 (6 / 6 / 4, 0 uncovered)";

/// A gold claim, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldClaim {
    /// UTF-16 span in the article text.
    pub span: Range<usize>,
    /// For each other source (index in [`Gold::names`]) that reports it, the index in
    /// [`Gold::sentences`] of the sentence that does.
    pub partners: BTreeMap<usize, usize>,
}

/// A gold body sentence, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSentence {
    /// Index in [`Gold::names`].
    pub source: usize,
    /// UTF-16 span in the article text.
    pub span: Range<usize>,
    /// Its claims, in gold order.
    pub claims: Vec<GoldClaim>,
}

/// A claim gold with every text resolved to a span of its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    /// Article names, in the order of the articles given to [`parse_gold`].
    pub names: Vec<String>,
    /// Every gold sentence, source by source in article order, then in gold order.
    pub sentences: Vec<GoldSentence>,
}

impl Gold {
    /// Claims in the gold.
    pub fn claims(&self) -> usize {
        self.sentences.iter().map(|s| s.claims.len()).sum()
    }

    /// Claims that at least one other source reports.
    pub fn claims_with_partners(&self) -> usize {
        self.sentences.iter().flat_map(|s| &s.claims).filter(|c| !c.partners.is_empty()).count()
    }
}

/// Byte offset to UTF-16 offset in `text`.
fn utf16_at(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// The only byte offset of `needle` in `haystack`, or an error naming `what`.
fn find_once(haystack: &str, needle: &str, what: &str) -> Result<usize, String> {
    let mut found = haystack.match_indices(needle).map(|(at, _)| at);
    match (needle.is_empty(), found.next(), found.next()) {
        (false, Some(at), None) => Ok(at),
        (false, None, _) => Err(format!("{what} not found: {needle:?}")),
        _ => Err(format!("{what} not found exactly once: {needle:?}")),
    }
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a serde_json::Map<String, Value>, String> {
    value.as_object().ok_or_else(|| format!("{what} is not an object"))
}

fn array<'a>(value: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    value.get(key).and_then(Value::as_array).ok_or_else(|| format!("`{key}` is missing or not a list"))
}

fn string<'a>(value: &'a Value, key: &str) -> Result<&'a str, String> {
    value.get(key).and_then(Value::as_str).ok_or_else(|| format!("`{key}` is missing or not a string"))
}

fn number(value: &Value, key: &str) -> Result<usize, String> {
    value
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("`{key}` is missing or not a whole number"))
}

/// Reads a gold (JSON text) against the articles it labels, resolving every text to a span.
///
/// Fails when a file name is not among the articles, a sentence is not found exactly once in
/// its article, a claim not exactly once in its sentence, or a partner text not exactly once in
/// the partner's article or outside every gold sentence of it.
pub fn parse_gold(json: &str, articles: &[Article]) -> Result<Gold, String> {
    let raw: Value = serde_json::from_str(json).map_err(|e| format!("the gold is not JSON: {e}"))?;
    let files = object(&raw, "the gold")?;
    let names: Vec<String> = articles.iter().map(|a| a.name.clone()).collect();
    let index_of = |name: &str| names.iter().position(|n| n == name).ok_or_else(|| format!("no article {name:?}"));

    // First every sentence, so that partner texts can be placed in them.
    let mut sentences = Vec::new();
    let mut by_source: Vec<Vec<(Range<usize>, &Value)>> = vec![Vec::new(); names.len()];
    for (name, list) in files {
        let source = index_of(name)?;
        let text = &articles[source].text;
        for item in list.as_array().ok_or_else(|| format!("{name}: not a list of sentences"))? {
            let sentence = string(item, "sentence")?;
            let at = find_once(text, sentence, &format!("{name}: sentence"))?;
            by_source[source].push((at..at + sentence.len(), item));
        }
    }
    let sentence_of = |source: usize, bytes: Range<usize>| -> Option<usize> {
        let before: usize = by_source[..source].iter().map(Vec::len).sum();
        let k = by_source[source].iter().position(|(s, _)| s.start <= bytes.start && bytes.end <= s.end)?;
        Some(before + k)
    };
    for (source, list) in by_source.iter().enumerate() {
        let text = &articles[source].text;
        for (bytes, item) in list {
            let sentence = &text[bytes.clone()];
            let mut claims = Vec::new();
            for claim in array(item, "claims")? {
                let claim_text = string(claim, "text")?;
                let at = bytes.start + find_once(sentence, claim_text, &format!("{}: claim", names[source]))?;
                let mut partners = BTreeMap::new();
                let reported = claim.get("reportedBy").map_or(Ok(None), |v| object(v, "reportedBy").map(Some))?;
                for (other, partner) in reported.into_iter().flatten() {
                    let other = index_of(other)?;
                    let partner = partner.as_str().ok_or("a reportedBy value is not a string")?;
                    let p = find_once(&articles[other].text, partner, &format!("{}: partner", names[other]))?;
                    let k = sentence_of(other, p..p + partner.len())
                        .ok_or_else(|| format!("{}: partner in no gold sentence: {partner:?}", names[other]))?;
                    if other == source {
                        return Err(format!("{}: claim reported by its own source: {claim_text:?}", names[source]));
                    }
                    partners.insert(other, k);
                }
                claims.push(GoldClaim { span: utf16_at(text, at)..utf16_at(text, at + claim_text.len()), partners });
            }
            sentences.push(GoldSentence {
                source,
                span: utf16_at(text, bytes.start)..utf16_at(text, bytes.end),
                claims,
            });
        }
    }
    Ok(Gold { names, sentences })
}

/// How far other sources back a claim, as a report states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Support {
    Shared,
    Possible,
    Single,
}

/// A report sentence, as far as scoring goes.
struct ViewSentence {
    source: usize,
    span: Range<usize>,
    /// Indexes into [`View::facts`].
    facts: Vec<usize>,
}

/// A report claim (in version 1, a body sentence).
struct ViewClaim {
    id: usize,
    /// Index into [`View::sentences`].
    sentence: usize,
    span: Range<usize>,
    support: Support,
    /// `(claim index, source)` of its closest claims, in report order.
    closest: Vec<(usize, usize)>,
}

/// The parts of a report (version 1 or 2) that scoring reads.
struct View {
    names: Vec<String>,
    sentences: Vec<ViewSentence>,
    /// The sources of each fact.
    facts: Vec<Vec<usize>>,
    claims: Vec<ViewClaim>,
}

fn read_report(report: &Value) -> Result<View, String> {
    let version = number(report, "schemaVersion")?;
    if version != 1 && version != 2 {
        return Err(format!("schemaVersion {version} is not scored (1 or 2)"));
    }
    let mut fact_index = BTreeMap::new();
    let mut facts = Vec::new();
    for fact in array(report, "facts")? {
        fact_index.insert(number(fact, "id")?, facts.len());
        facts.push(array(fact, "sources")?.iter().filter_map(Value::as_u64).map(|s| s as usize).collect());
    }
    let fact_of = |id: &Value| -> Result<usize, String> {
        let id = id.as_u64().ok_or("a fact id is not a whole number")? as usize;
        fact_index.get(&id).copied().ok_or_else(|| format!("no fact {id}"))
    };
    let mut names = Vec::new();
    let mut sentences = Vec::new();
    let mut sentence_index = BTreeMap::new();
    let mut body = Vec::new();
    for source in array(report, "sources")? {
        let s = names.len();
        names.push(string(source, "name")?.to_string());
        for sentence in array(source, "sentences")? {
            let facts = if version == 1 {
                match sentence.get("fact") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(id) => vec![fact_of(id)?],
                }
            } else {
                array(sentence, "facts")?.iter().map(fact_of).collect::<Result<_, _>>()?
            };
            sentence_index.insert(number(sentence, "id")?, sentences.len());
            if string(sentence, "role")? == "body" {
                body.push(sentences.len());
            }
            sentences.push(ViewSentence {
                source: s,
                span: number(sentence, "start")?..number(sentence, "end")?,
                facts,
            });
        }
    }
    let claims = if version == 1 {
        body.iter()
            .enumerate()
            .map(|(id, &k)| ViewClaim {
                id,
                sentence: k,
                span: sentences[k].span.clone(),
                support: if sentences[k].facts.is_empty() { Support::Single } else { Support::Shared },
                closest: Vec::new(),
            })
            .collect()
    } else {
        let list = array(report, "claims")?;
        let claim_index: BTreeMap<usize, usize> =
            list.iter().enumerate().map(|(k, c)| number(c, "id").map(|id| (id, k))).collect::<Result<_, _>>()?;
        let mut claims = Vec::new();
        for claim in list {
            let id = number(claim, "sentence")?;
            let sentence =
                *sentence_index.get(&id).ok_or_else(|| format!("a claim's sentence {id} is not in the report"))?;
            let support = match string(claim, "support")? {
                "shared" => Support::Shared,
                "possible" => Support::Possible,
                "single" => Support::Single,
                other => return Err(format!("unknown support {other:?}")),
            };
            let mut closest = Vec::new();
            for entry in array(claim, "closest")? {
                let id = number(entry, "claim")?;
                let k = *claim_index.get(&id).ok_or_else(|| format!("a closest claim {id} is not in the report"))?;
                closest.push((k, number(entry, "source")?));
            }
            claims.push(ViewClaim {
                id: number(claim, "id")?,
                sentence,
                span: number(claim, "start")?..number(claim, "end")?,
                support,
                closest,
            });
        }
        claims
    };
    Ok(View { names, sentences, facts, claims })
}

/// Characters two spans have in common.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// True and false positives and negatives of a yes/no prediction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted yes, gold yes.
    pub true_positives: usize,
    /// Predicted yes, gold no.
    pub false_positives: usize,
    /// Predicted no, gold yes.
    pub false_negatives: usize,
}

impl Counts {
    fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.true_positives += 1,
            (true, false) => self.false_positives += 1,
            (false, true) => self.false_negatives += 1,
            (false, false) => {}
        }
    }

    /// Share of the predicted positives that are right (1 when nothing is predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    /// Share of the gold positives that are predicted (1 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Where the true partner stands among an unlinked claim's closest claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ranks {
    /// (gold claim, partner source) cases whose best report claim is not shared.
    pub cases: usize,
    /// Cases whose first closest claim of that source lies in the gold partner sentence.
    pub first: usize,
    /// Cases with such a claim among the first three.
    pub top_three: usize,
}

/// Everything [`score`] measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Over (sentence, other source) pairs.
    pub links: Counts,
    /// Of the link false positives, those on report sentences outside every gold sentence.
    pub outside_links: usize,
    /// `single` over gold claims.
    pub single: Counts,
    /// Gold claims that no report claim overlaps.
    pub uncovered_claims: usize,
    /// The closest-claims ranking.
    pub closest: Ranks,
}

/// Scores a report (JSON value, schemaVersion 1 or 2) against a gold made for the same articles.
pub fn score(gold: &Gold, report: &Value) -> Result<Scores, String> {
    let view = read_report(report)?;
    // Report source index of each gold source, and back.
    let to_report: Vec<usize> = gold
        .names
        .iter()
        .map(|name| {
            view.names.iter().position(|n| n == name).ok_or_else(|| format!("the report has no source {name:?}"))
        })
        .collect::<Result<_, _>>()?;
    let to_gold = |source: usize| gold.names.iter().position(|n| *n == view.names[source]);

    // The gold sentence each report sentence belongs to.
    let owner: Vec<Option<usize>> = view
        .sentences
        .iter()
        .map(|rs| {
            let source = to_gold(rs.source)?;
            let mut best: Option<(usize, usize)> = None;
            for (k, gs) in gold.sentences.iter().enumerate().filter(|(_, gs)| gs.source == source) {
                let common = overlap(&gs.span, &rs.span);
                if common > 0 && best.is_none_or(|(_, most)| common > most) {
                    best = Some((k, common));
                }
            }
            best.map(|(k, _)| k)
        })
        .collect();
    let linked = |sentences: &[usize], other: usize| {
        sentences.iter().any(|&k| view.sentences[k].facts.iter().any(|&f| view.facts[f].contains(&other)))
    };

    let mut scores = Scores::default();
    for (g, gs) in gold.sentences.iter().enumerate() {
        let own = to_report[gs.source];
        let mine: Vec<usize> = (0..view.sentences.len()).filter(|&k| owner[k] == Some(g)).collect();
        for other in (0..view.names.len()).filter(|&other| other != own) {
            let reported = gs.claims.iter().any(|c| c.partners.keys().any(|&p| to_report[p] == other));
            scores.links.add(linked(&mine, other), reported);
        }
        for claim in &gs.claims {
            let best = view
                .claims
                .iter()
                .filter(|c| owner[c.sentence] == Some(g) && overlap(&c.span, &claim.span) > 0)
                .min_by_key(|c| {
                    let common = overlap(&c.span, &claim.span);
                    let union = c.span.end.max(claim.span.end) - c.span.start.min(claim.span.start);
                    (std::cmp::Reverse(common), union, c.id)
                });
            scores.uncovered_claims += usize::from(best.is_none());
            scores.single.add(best.is_some_and(|c| c.support == Support::Single), claim.partners.is_empty());
            if best.is_some_and(|c| c.support == Support::Shared) {
                continue;
            }
            for (&partner_source, &partner) in &claim.partners {
                let other = to_report[partner_source];
                let target = &gold.sentences[partner].span;
                let rank = best.and_then(|c| {
                    c.closest.iter().filter(|&&(_, source)| source == other).position(|&(k, _)| {
                        view.sentences[view.claims[k].sentence].source == other
                            && overlap(&view.claims[k].span, target) > 0
                    })
                });
                scores.closest.cases += 1;
                scores.closest.first += usize::from(rank == Some(0));
                scores.closest.top_three += usize::from(rank.is_some_and(|r| r < 3));
            }
        }
    }
    for (k, rs) in view.sentences.iter().enumerate().filter(|(k, _)| owner[*k].is_none()) {
        for other in (0..view.names.len()).filter(|&other| other != rs.source) {
            let predicted = linked(&[k], other);
            scores.links.add(predicted, false);
            scores.outside_links += usize::from(predicted);
        }
    }
    Ok(scores)
}

/// The bundled example's articles, as the CLI reads them (sorted by file name).
pub fn example_articles(root: &Path) -> Result<Vec<Article>, String> {
    let folder = root.join("www/example");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(Article { name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), text })
        })
        .collect()
}

/// The example gold, resolved against the example articles under `root` (the crate folder).
pub fn example_gold(root: &Path) -> Result<(Gold, Vec<Article>), String> {
    let articles = example_articles(root)?;
    let path = root.join("tests/claims_gold/example.json");
    let json = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let gold = parse_gold(&json, &articles).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((gold, articles))
}

/// Figures for the bundled example: the report of [`crate::compare`] against the claim gold.
pub fn figures() -> Result<Vec<Figure>, String> {
    let (gold, articles) = example_gold(Path::new(env!("CARGO_MANIFEST_DIR")))?;
    let report = crate::compare(&articles, &Options::default()).map_err(|e| format!("the example: {e}"))?;
    let report = serde_json::to_value(&report).map_err(|e| format!("the example report: {e}"))?;
    let scores = score(&gold, &report)?;
    let singles = gold.claims() - gold.claims_with_partners();
    let counts = |c: &Counts| format!("{} / {} / {}", c.true_positives, c.false_positives, c.false_negatives);
    let (links, single, closest) = (&scores.links, &scores.single, &scores.closest);
    Ok(vec![
        Figure::new(
            format!(
                "claims, example gold ({} sentences, {} claims): links (sentence, other source)",
                gold.sentences.len(),
                gold.claims()
            ),
            format!(
                "P {:.3} R {:.3} F1 {:.3} ({}, {} outside)",
                links.precision(),
                links.recall(),
                links.f1(),
                counts(links),
                scores.outside_links
            ),
            BEFORE_LINKS,
        ),
        Figure::new(
            format!("claims, example gold ({} claims, {singles} single-source): single", gold.claims()),
            format!(
                "P {:.3} R {:.3} ({}, {} uncovered)",
                single.precision(),
                single.recall(),
                counts(single),
                scores.uncovered_claims
            ),
            BEFORE_SINGLE,
        ),
        Figure::new(
            "claims, example gold: unlinked claims, true partner 1st / in top 3 closest",
            format!(
                "{}/{} = {:.1}% / {}/{} = {:.1}%",
                closest.first,
                closest.cases,
                100.0 * ratio(closest.first, closest.cases),
                closest.top_three,
                closest.cases,
                100.0 * ratio(closest.top_three, closest.cases)
            ),
            "IDF-weighted overlap: about 70% / 85% of shared claims (issue 13)",
        ),
    ])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const A: &str = "The dam broke — at night. Rain fell.";
    const B: &str = "Title\nThe dam broke at night. Sun shone.";

    fn articles() -> Vec<Article> {
        vec![Article { name: "a.txt".into(), text: A.into() }, Article { name: "b.txt".into(), text: B.into() }]
    }

    /// Two sources; each has a shared claim and a single one.
    fn gold() -> Gold {
        let json = json!({
            "a.txt": [
                {"sentence": "The dam broke — at night.", "claims": [{"text": "The dam broke", "reportedBy": {"b.txt": "The dam broke at night."}}]},
                {"sentence": "Rain fell.", "claims": [{"text": "Rain fell.", "reportedBy": {}}]}
            ],
            "b.txt": [
                {"sentence": "The dam broke at night.", "claims": [{"text": "The dam broke at night", "reportedBy": {"a.txt": "The dam broke"}}]},
                {"sentence": "Sun shone.", "claims": [{"text": "Sun shone.", "reportedBy": {}}]}
            ]
        });
        parse_gold(&json.to_string(), &articles()).expect("gold parses")
    }

    /// UTF-16 span of `needle` in `text`.
    fn span(text: &str, needle: &str) -> (usize, usize) {
        let at = text.find(needle).expect("needle");
        (utf16_at(text, at), utf16_at(text, at + needle.len()))
    }

    fn sentence(id: usize, source: usize, text: &str, part: &str, role: &str, facts: &[usize]) -> Value {
        let (start, end) = span(text, part);
        json!({"id": id, "source": source, "text": part, "start": start, "end": end, "role": role, "facts": facts})
    }

    fn claim(id: usize, sentence: usize, text: &str, part: &str, support: &str, closest: Value) -> Value {
        let (start, end) = span(text, part);
        json!({"id": id, "sentence": sentence, "start": start, "end": end, "text": part, "speaker": null,
               "fact": null, "support": support, "closest": closest})
    }

    /// A version-2 report: sentences 0-1 in a.txt, 2-4 in b.txt (2 is the title).
    fn report(facts: Value, sentence_facts: [&[usize]; 4], claims: Vec<Value>) -> Value {
        json!({
            "schemaVersion": 2,
            "sources": [
                {"id": 0, "name": "a.txt", "sentences": [
                    sentence(0, 0, A, "The dam broke — at night.", "body", sentence_facts[0]),
                    sentence(1, 0, A, "Rain fell.", "body", sentence_facts[1])]},
                {"id": 1, "name": "b.txt", "sentences": [
                    sentence(2, 1, B, "Title", "title", &[]),
                    sentence(3, 1, B, "The dam broke at night.", "body", sentence_facts[2]),
                    sentence(4, 1, B, "Sun shone.", "body", sentence_facts[3])]}
            ],
            "facts": facts,
            "claims": claims
        })
    }

    fn perfect() -> Value {
        report(
            json!([{"id": 0, "claims": [0, 2], "sentences": [0, 3], "sources": [0, 1]}]),
            [&[0], &[], &[0], &[]],
            vec![
                claim(0, 0, A, "The dam broke — at night", "shared", json!([])),
                claim(1, 1, A, "Rain fell.", "single", json!([])),
                claim(2, 3, B, "The dam broke at night", "shared", json!([])),
                claim(3, 4, B, "Sun shone.", "single", json!([])),
            ],
        )
    }

    #[test]
    fn the_gold_resolves_to_utf16_spans_and_counts_its_claims() {
        let gold = gold();
        assert_eq!(gold.sentences.len(), 4);
        assert_eq!((gold.claims(), gold.claims_with_partners()), (4, 2));
        // "Rain fell." starts after the em dash, which is 3 bytes but 1 UTF-16 unit.
        assert_eq!(gold.sentences[1].span, 26..36);
        assert_eq!(gold.sentences[0].claims[0].partners, BTreeMap::from([(1, 2)]));
    }

    #[test]
    fn a_text_found_twice_or_not_at_all_is_an_error() {
        let twice =
            json!({"a.txt": [{"sentence": "The dam broke — at night.", "claims": [{"text": "a", "reportedBy": {}}]}]});
        assert!(parse_gold(&twice.to_string(), &articles()).unwrap_err().contains("exactly once"));
        let missing = json!({"a.txt": [{"sentence": "The dam held.", "claims": []}]});
        assert!(parse_gold(&missing.to_string(), &articles()).unwrap_err().contains("not found"));
        let outside = json!({"a.txt": [{"sentence": "Rain fell.", "claims": [{"text": "Rain", "reportedBy": {"b.txt": "Title"}}]}]});
        assert!(parse_gold(&outside.to_string(), &articles()).unwrap_err().contains("in no gold sentence"));
    }

    #[test]
    fn a_perfect_report_scores_one_everywhere() {
        let scores = score(&gold(), &perfect()).expect("scores");
        assert_eq!(scores.links, Counts { true_positives: 2, false_positives: 0, false_negatives: 0 });
        assert_eq!((scores.links.precision(), scores.links.recall(), scores.links.f1()), (1.0, 1.0, 1.0));
        assert_eq!(scores.single, Counts { true_positives: 2, false_positives: 0, false_negatives: 0 });
        assert_eq!((scores.outside_links, scores.uncovered_claims), (0, 0));
        assert_eq!(scores.closest, Ranks::default());
    }

    #[test]
    fn a_missed_link_lowers_recall_and_an_unlinked_claim_is_ranked_by_its_closest() {
        // The dam claims are not linked; a's lists the wrong claim first and the partner second,
        // b's lists the partner first.
        let report = report(
            json!([]),
            [&[], &[], &[], &[]],
            vec![
                claim(
                    0,
                    0,
                    A,
                    "The dam broke — at night",
                    "possible",
                    json!([{"claim": 3, "source": 1, "score": 0.5}, {"claim": 2, "source": 1, "score": 0.4}]),
                ),
                claim(1, 1, A, "Rain fell.", "single", json!([])),
                claim(2, 3, B, "The dam broke at night", "possible", json!([{"claim": 0, "source": 0, "score": 0.4}])),
                claim(3, 4, B, "Sun shone.", "single", json!([])),
            ],
        );
        let scores = score(&gold(), &report).expect("scores");
        assert_eq!(scores.links, Counts { true_positives: 0, false_positives: 0, false_negatives: 2 });
        assert_eq!(scores.links.recall(), 0.0);
        assert_eq!(scores.single, Counts { true_positives: 2, false_positives: 0, false_negatives: 0 });
        assert_eq!(scores.closest, Ranks { cases: 2, first: 1, top_three: 2 });
    }

    #[test]
    fn a_wrong_link_lowers_precision_and_a_single_dam_claim_is_a_false_single() {
        // The dam claims are marked single; the rain and sun are linked as one fact.
        let report = report(
            json!([{"id": 0, "claims": [1, 3], "sentences": [1, 4], "sources": [0, 1]}]),
            [&[], &[0], &[], &[0]],
            vec![
                claim(0, 0, A, "The dam broke — at night", "single", json!([])),
                claim(1, 1, A, "Rain fell.", "shared", json!([])),
                claim(2, 3, B, "The dam broke at night", "single", json!([])),
                claim(3, 4, B, "Sun shone.", "shared", json!([])),
            ],
        );
        let scores = score(&gold(), &report).expect("scores");
        assert_eq!(scores.links, Counts { true_positives: 0, false_positives: 2, false_negatives: 2 });
        assert_eq!(scores.links.precision(), 0.0);
        assert_eq!(scores.single, Counts { true_positives: 0, false_positives: 2, false_negatives: 2 });
        // Unlinked dam claims with no closest entries: the partner is not shown.
        assert_eq!(scores.closest, Ranks { cases: 2, first: 0, top_three: 0 });
    }

    #[test]
    fn the_best_overlapping_claim_decides_and_a_nested_claim_can_win() {
        // a's sentence has an outer shared claim and a nested single one that matches the gold
        // claim "The dam broke" exactly: the nested one decides, so it is predicted single.
        let mut report = perfect();
        report["claims"] = json!([
            claim(0, 0, A, "The dam broke — at night", "shared", json!([])),
            claim(1, 0, A, "The dam broke", "single", json!([])),
            claim(2, 1, A, "Rain fell.", "single", json!([])),
            claim(3, 3, B, "The dam broke at night", "shared", json!([])),
            claim(4, 4, B, "Sun shone.", "single", json!([])),
        ]);
        let scores = score(&gold(), &report).expect("scores");
        assert_eq!(scores.single, Counts { true_positives: 2, false_positives: 1, false_negatives: 0 });
        assert_eq!(scores.closest, Ranks { cases: 1, first: 0, top_three: 0 });
    }

    #[test]
    fn links_on_sentences_outside_the_gold_are_false_positives() {
        let mut report = perfect();
        report["facts"] = json!([
            {"id": 0, "claims": [0, 2], "sentences": [0, 3], "sources": [0, 1]},
            {"id": 1, "claims": [], "sentences": [1, 2], "sources": [0, 1]}
        ]);
        report["sources"][0]["sentences"][1]["facts"] = json!([1]);
        report["sources"][1]["sentences"][0]["facts"] = json!([1]);
        let scores = score(&gold(), &report).expect("scores");
        assert_eq!(scores.links, Counts { true_positives: 2, false_positives: 2, false_negatives: 0 });
        assert_eq!(scores.outside_links, 1);
    }

    #[test]
    fn a_version_1_report_reads_each_body_sentence_as_one_claim() {
        let v1_sentence = |id: usize, source: usize, text: &str, part: &str, role: &str, fact: Value| {
            let (start, end) = span(text, part);
            json!({"id": id, "source": source, "text": part, "start": start, "end": end, "role": role, "fact": fact})
        };
        // The dam sentences are linked; so, wrongly, is b's title with a's rain.
        let report = json!({
            "schemaVersion": 1,
            "sources": [
                {"id": 0, "name": "a.txt", "sentences": [
                    v1_sentence(0, 0, A, "The dam broke — at night.", "body", json!(0)),
                    v1_sentence(1, 0, A, "Rain fell.", "body", json!(1))]},
                {"id": 1, "name": "b.txt", "sentences": [
                    v1_sentence(2, 1, B, "Title", "body", json!(1)),
                    v1_sentence(3, 1, B, "The dam broke at night.", "body", json!(0)),
                    v1_sentence(4, 1, B, "Sun shone.", "body", Value::Null)]}
            ],
            "facts": [{"id": 0, "sentences": [0, 3], "sources": [0, 1]}, {"id": 1, "sentences": [1, 2], "sources": [0, 1]}]
        });
        let scores = score(&gold(), &report).expect("scores");
        assert_eq!(scores.links, Counts { true_positives: 2, false_positives: 2, false_negatives: 0 });
        assert_eq!(scores.outside_links, 1);
        // Rain is in a fact, so it is read as shared: one single claim missed.
        assert_eq!(scores.single, Counts { true_positives: 1, false_positives: 0, false_negatives: 1 });
        assert_eq!(scores.closest, Ranks::default());
    }

    #[test]
    fn the_example_is_scored() {
        let figures = figures().expect("the example gold and report score");
        assert_eq!(figures.len(), 3);
        assert!(figures[0].name.contains("(33 sentences, 55 claims)"), "{}", figures[0].name);
        assert!(figures[1].name.contains("(55 claims, 10 single-source)"), "{}", figures[1].name);
    }

    #[test]
    fn an_unknown_schema_version_is_refused() {
        let mut report = perfect();
        report["schemaVersion"] = json!(3);
        assert!(score(&gold(), &report).unwrap_err().contains("schemaVersion 3"));
    }
}
