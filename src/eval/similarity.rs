//! Sentence similarity against MRPC (paraphrase or not) and the STS Benchmark (graded 0–5).
//!
//! In: the data folder (`mrpc/msr_paraphrase_train.clean.tsv`, `stsb/sts-{train,dev}.csv`).
//! Out: [`Figure`]s: MRPC accuracy and F1 of [`score_pair`] with a threshold chosen by
//! 10-fold cross-validation on train, the same for token Jaccard (the reference baseline),
//! a fully nested variant that also refits the component weights in every fold, and the
//! Pearson correlation of [`score_pair`] with the STS-B gold scores. The numeric helpers
//! (cross-validation, logistic regression, Pearson) are public for the tests.
//!
//! The [`Idf`] of each suite is built from all its sentences, as the comparison builds it
//! from all the articles' sentences.

use std::path::Path;

use crate::compare::score::{
    components, components_with, features, score_components, score_pair, Credits, Idf, SentenceFeatures, COMPONENTS,
    CREDITS, PARAPHRASE_BIAS, PARAPHRASE_WEIGHTS,
};
use crate::eval::Figure;

/// A sentence pair with its gold label (MRPC: 1 paraphrase, 0 not; STS-B: 0 to 5).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldPair {
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
    /// Gold label or score.
    pub gold: f64,
    /// STS-B genre (`main-news`, `main-captions`, `main-forums`); empty for MRPC.
    pub genre: String,
}

/// Reads MRPC's clean TSV: header, then `label id1 id2 sentence1 sentence2`.
pub fn load_mrpc(path: &Path) -> Result<Vec<GoldPair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pairs = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        let gold = cols[0].trim().parse::<f64>().map_err(|e| format!("{}:{}: {e}", path.display(), number + 1))?;
        pairs.push(GoldPair { a: cols[3].to_string(), b: cols[4].to_string(), gold, genre: String::new() });
    }
    Ok(pairs)
}

/// Reads an STS-B file: tab-separated without quoting, `genre file year id score s1 s2 [...]`.
pub fn load_sts(path: &Path) -> Result<Vec<GoldPair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pairs = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 {
            continue;
        }
        let Ok(gold) = cols[4].trim().parse::<f64>() else {
            continue;
        };
        pairs.push(GoldPair { a: cols[5].to_string(), b: cols[6].to_string(), gold, genre: cols[0].to_string() });
    }
    Ok(pairs)
}

/// Features of both sentences of every pair, with an [`Idf`] over all the pairs' sentences.
pub fn pair_features(pairs: &[GoldPair]) -> Vec<(SentenceFeatures, SentenceFeatures)> {
    let idf = Idf::from_sentences(pairs.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]));
    pairs.iter().map(|p| (features(&p.a, &idf), features(&p.b, &idf))).collect()
}

/// Jaccard overlap of the lowercase `[a-z0-9]+` tokens: the baseline in BASELINES_measured.txt.
pub fn token_jaccard(a: &str, b: &str) -> f64 {
    let set = |s: &str| {
        let mut words: Vec<String> = s
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    };
    let (x, y) = (set(a), set(b));
    let common = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    let union = x.len() + y.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// Accuracy and F1 (of the positive class) of `predicted` against `gold`.
pub fn accuracy_f1(predicted: &[bool], gold: &[bool]) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for (&p, &g) in predicted.iter().zip(gold) {
        correct += usize::from(p == g);
        tp += usize::from(p && g);
        fp += usize::from(p && !g);
        fn_ += usize::from(!p && g);
    }
    let accuracy = if gold.is_empty() { 0.0 } else { correct as f64 / gold.len() as f64 };
    let f1 = if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64 };
    (accuracy, f1)
}

/// The threshold (`score >= t` means positive) with the best accuracy on these scores.
pub fn best_threshold(scores: &[f64], gold: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&x, &y| scores[x].total_cmp(&scores[y]));
    // Threshold below everything: all positive.
    let mut correct = gold.iter().filter(|&&g| g).count();
    let (mut best, mut best_correct) = (f64::NEG_INFINITY, correct);
    for (rank, &i) in order.iter().enumerate() {
        correct = if gold[i] { correct - 1 } else { correct + 1 };
        let next = order.get(rank + 1).map(|&k| scores[k]);
        if next.is_some_and(|n| n == scores[i]) {
            continue;
        }
        if correct > best_correct {
            best_correct = correct;
            best = next.map_or(f64::INFINITY, |n| (scores[i] + n) / 2.0);
        }
    }
    best
}

/// Result of a k-fold cross-validation of a thresholded score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrossValidation {
    /// Mean accuracy over the held-out folds.
    pub accuracy: f64,
    /// Mean F1 over the held-out folds.
    pub f1: f64,
    /// Mean chosen threshold.
    pub threshold: f64,
}

/// The fold (0..`folds`) of item `index` out of `len`: contiguous blocks, in file order.
fn fold_of(index: usize, len: usize, folds: usize) -> usize {
    index * folds / len.max(1)
}

/// k-fold cross-validation: each fold is scored with the threshold that is best on the others.
pub fn cross_validate(scores: &[f64], gold: &[bool], folds: usize) -> CrossValidation {
    cross_validate_with(scores.len(), gold, folds, |_| scores.to_vec())
}

/// k-fold cross-validation where `score_for(fold)` gives every item's score with whatever was
/// fitted without that fold; the threshold is then chosen on the other folds too.
pub fn cross_validate_with(
    len: usize,
    gold: &[bool],
    folds: usize,
    mut score_for: impl FnMut(usize) -> Vec<f64>,
) -> CrossValidation {
    let mut sum = CrossValidation { accuracy: 0.0, f1: 0.0, threshold: 0.0 };
    for fold in 0..folds {
        let scores = score_for(fold);
        let (mut train_s, mut train_g, mut test_s, mut test_g) = (vec![], vec![], vec![], vec![]);
        for i in 0..len {
            if fold_of(i, len, folds) == fold {
                test_s.push(scores[i]);
                test_g.push(gold[i]);
            } else {
                train_s.push(scores[i]);
                train_g.push(gold[i]);
            }
        }
        let threshold = best_threshold(&train_s, &train_g);
        let predicted: Vec<bool> = test_s.iter().map(|&s| s >= threshold).collect();
        let (accuracy, f1) = accuracy_f1(&predicted, &test_g);
        sum.accuracy += accuracy;
        sum.f1 += f1;
        sum.threshold += threshold;
    }
    let k = folds.max(1) as f64;
    CrossValidation { accuracy: sum.accuracy / k, f1: sum.f1 / k, threshold: sum.threshold / k }
}

/// Fits `p(y) = sigmoid(bias + w·x)` by Newton's method with a small L2 penalty on `w`.
/// Returns `(w, bias)`.
pub fn fit_logistic<const K: usize>(x: &[[f64; K]], y: &[bool], l2: f64) -> ([f64; K], f64) {
    let y: Vec<f64> = y.iter().map(|&label| f64::from(u8::from(label))).collect();
    fit_logistic_soft(x, &y, l2)
}

/// [`fit_logistic`] with targets in 0..1 (graded similarity as a probability): minimises the
/// cross-entropy, whose gradient and curvature have the same form.
pub fn fit_logistic_soft<const K: usize>(x: &[[f64; K]], y: &[f64], l2: f64) -> ([f64; K], f64) {
    let mut beta = vec![0.0; K + 1];
    for _ in 0..50 {
        let mut gradient = vec![0.0; K + 1];
        let mut hessian = vec![vec![0.0; K + 1]; K + 1];
        for (row, &label) in x.iter().zip(y) {
            let mut z = beta[K];
            for k in 0..K {
                z += beta[k] * row[k];
            }
            let p = 1.0 / (1.0 + (-z).exp());
            let residual = p - label;
            let curvature = (p * (1.0 - p)).max(1e-9);
            for i in 0..=K {
                let xi = if i == K { 1.0 } else { row[i] };
                gradient[i] += residual * xi;
                for j in 0..=K {
                    let xj = if j == K { 1.0 } else { row[j] };
                    hessian[i][j] += curvature * xi * xj;
                }
            }
        }
        for k in 0..K {
            gradient[k] += l2 * beta[k];
            hessian[k][k] += l2;
        }
        let step = solve(hessian, gradient);
        let mut change: f64 = 0.0;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            change = change.max(s.abs());
        }
        if change < 1e-10 {
            break;
        }
    }
    let mut w = [0.0; K];
    w.copy_from_slice(&beta[..K]);
    (w, beta[K])
}

/// Solves `a·x = b` by Gaussian elimination with partial pivoting (small dense systems).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())).unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        let (upper, lower) = a.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for (offset, row) in lower.iter_mut().enumerate() {
            let factor = row[col] / d;
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= factor * p;
            }
            b[col + 1 + offset] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 { 0.0 } else { (b[row] - tail) / a[row][row] };
    }
    x
}

/// Pearson correlation; 0 when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// MRPC train measured three ways (10-fold CV): our score, token Jaccard, and our components
/// with weights refitted in every fold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MrpcFigures {
    /// [`score_pair`] with the built-in weights, threshold chosen per fold.
    pub ours: CrossValidation,
    /// Token Jaccard, threshold chosen per fold.
    pub jaccard: CrossValidation,
    /// [`score_pair`]'s formula with the regression refitted per fold, threshold chosen per fold.
    pub nested: CrossValidation,
}

/// Measures MRPC train; see [`MrpcFigures`].
pub fn mrpc_figures(data_dir: &Path) -> Result<MrpcFigures, String> {
    let pairs = load_mrpc(&data_dir.join("mrpc").join("msr_paraphrase_train.clean.tsv"))?;
    let gold: Vec<bool> = pairs.iter().map(|p| p.gold > 0.5).collect();
    let feats = pair_features(&pairs);
    let ours: Vec<f64> = feats.iter().map(|(a, b)| score_pair(a, b)).collect();
    let jaccard: Vec<f64> = pairs.iter().map(|p| token_jaccard(&p.a, &p.b)).collect();
    let parts: Vec<[f64; COMPONENTS.len()]> = feats.iter().map(|(a, b)| components(a, b)).collect();
    let n = pairs.len();
    let nested = cross_validate_with(n, &gold, 10, |fold| {
        let (x, y): (Vec<_>, Vec<_>) =
            (0..n).filter(|&i| fold_of(i, n, 10) != fold).map(|i| (regressors(&parts[i]), gold[i])).unzip();
        let (w, bias) = fit_logistic(&x, &y, L2);
        parts.iter().map(|row| blended(row, &w, bias)).collect()
    });
    Ok(MrpcFigures { ours: cross_validate(&ours, &gold, 10), jaccard: cross_validate(&jaccard, &gold, 10), nested })
}

/// The components [`PARAPHRASE_WEIGHTS`] is fitted on (all but `content` and `entities`).
///
/// [`PARAPHRASE_WEIGHTS`]: crate::compare::score::PARAPHRASE_WEIGHTS
fn regressors(parts: &[f64; COMPONENTS.len()]) -> [f64; COMPONENTS.len()] {
    let mut x = *parts;
    x[0] = 0.0;
    x[COMPONENTS.len() - 1] = 0.0;
    x
}

/// [`score_pair`]'s formula with logistic-regression weights `w` and `bias` (fitted on
/// [`regressors`], so `w` is 0 for `content` and `entities`); the graded part is the built-in
/// one (fitted on STS-B train, no MRPC pair).
fn blended(parts: &[f64; COMPONENTS.len()], w: &[f64; COMPONENTS.len()], bias: f64) -> f64 {
    score_components(parts, w, bias)
}

/// Fits the paraphrase regression of [`score_pair`] on all of MRPC train: how
/// [`PARAPHRASE_WEIGHTS`] and the bias were obtained. Returns `(weights, bias)`.
///
/// [`PARAPHRASE_WEIGHTS`]: crate::compare::score::PARAPHRASE_WEIGHTS
pub fn fit_mrpc_weights(data_dir: &Path) -> Result<([f64; COMPONENTS.len()], f64), String> {
    let pairs = load_mrpc(&data_dir.join("mrpc").join("msr_paraphrase_train.clean.tsv"))?;
    let gold: Vec<bool> = pairs.iter().map(|p| p.gold > 0.5).collect();
    let x: Vec<[f64; COMPONENTS.len()]> =
        pair_features(&pairs).iter().map(|(a, b)| regressors(&components(a, b))).collect();
    Ok(fit_logistic(&x, &gold, L2))
}

/// Fits the graded part of [`score_pair`] on all of STS-B train: least squares of the gold
/// score divided by 5 on [`regressors_graded`] (a ridge of 1e-6 only keeps the system
/// solvable): how [`GRADED_WEIGHTS`] and its bias were obtained. Returns `(weights, bias)`.
///
/// [`GRADED_WEIGHTS`]: crate::compare::score::GRADED_WEIGHTS
pub fn fit_sts_weights(data_dir: &Path) -> Result<([f64; COMPONENTS.len()], f64), String> {
    let pairs = load_sts(&data_dir.join("stsb").join("sts-train.csv"))?;
    let x: Vec<[f64; COMPONENTS.len()]> =
        pair_features(&pairs).iter().map(|(a, b)| regressors_graded(&components(a, b))).collect();
    let y: Vec<f64> = pairs.iter().map(|p| p.gold / 5.0).collect();
    Ok(fit_least_squares(&x, &y, 1e-6))
}

/// The components [`fit_sts_weights`] uses: all but `entities`.
fn regressors_graded(parts: &[f64; COMPONENTS.len()]) -> [f64; COMPONENTS.len()] {
    let mut x = *parts;
    x[COMPONENTS.len() - 1] = 0.0;
    x
}

/// Least squares `y ≈ bias + w·x` with an L2 penalty `l2` on `w`. Returns `(w, bias)`.
pub fn fit_least_squares<const K: usize>(x: &[[f64; K]], y: &[f64], l2: f64) -> ([f64; K], f64) {
    let mut a = vec![vec![0.0; K + 1]; K + 1];
    let mut b = vec![0.0; K + 1];
    for (row, &target) in x.iter().zip(y) {
        for i in 0..=K {
            let xi = if i == K { 1.0 } else { row[i] };
            b[i] += xi * target;
            for j in 0..=K {
                let xj = if j == K { 1.0 } else { row[j] };
                a[i][j] += xi * xj;
            }
        }
    }
    for (k, row) in a.iter_mut().enumerate().take(K) {
        row[k] += l2;
    }
    let beta = solve(a, b);
    let mut w = [0.0; K];
    w.copy_from_slice(&beta[..K]);
    (w, beta[K])
}

/// Each WordNet relation on its own (the others off), with the built-in weights: MRPC train
/// 10-fold CV, STS-B dev Pearson, ECB+ dev recall at precision ≥ 0.80.
pub fn relation_figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let none = Credits::NONE;
    let settings = [
        ("none", none),
        ("derived forms", Credits { derived: CREDITS.derived, ..none }),
        ("irregular inflections", Credits { inflected: CREDITS.inflected, ..none }),
        ("synonyms", Credits { synonym: CREDITS.synonym, ..none }),
        ("hypernyms", Credits { hypernym: CREDITS.hypernym, ..none }),
        ("co-hyponyms at 0.5", Credits { cohyponym: 0.5, ..none }),
        ("all (built-in)", CREDITS),
    ];
    let mrpc = load_mrpc(&data_dir.join("mrpc").join("msr_paraphrase_train.clean.tsv"))?;
    let mrpc_gold: Vec<bool> = mrpc.iter().map(|p| p.gold > 0.5).collect();
    let mrpc_features = pair_features(&mrpc);
    let sts = load_sts(&data_dir.join("stsb").join("sts-dev.csv"))?;
    let sts_gold: Vec<f64> = sts.iter().map(|p| p.gold).collect();
    let sts_features = pair_features(&sts);
    let mut rows = Vec::new();
    for (name, credits) in settings {
        let score = |a: &SentenceFeatures, b: &SentenceFeatures| {
            score_components(&components_with(a, b, &credits), &PARAPHRASE_WEIGHTS, PARAPHRASE_BIAS)
        };
        let m: Vec<f64> = mrpc_features.iter().map(|(a, b)| score(a, b)).collect();
        let cv = cross_validate(&m, &mrpc_gold, 10);
        let s: Vec<f64> = sts_features.iter().map(|(a, b)| score(a, b)).collect();
        let events =
            crate::eval::events::evaluate_with(data_dir, |t| crate::eval::events::DEV_TOPICS.contains(&t), score)?;
        rows.push(Figure::new(
            format!("WordNet relation on its own: {name}"),
            format!(
                "MRPC {:.2}% / {:.2}; STS-B dev {:.3}; ECB+ dev R@P≥0.8 {}",
                100.0 * cv.accuracy,
                100.0 * cv.f1,
                pearson(&s, &sts_gold),
                events.recall_at_precision.map_or("none".into(), |(r, t)| format!("{r:.3} (t {t:.2})"))
            ),
            "built-in weights; the other relations off",
        ));
    }
    Ok(rows)
}

/// L2 penalty of the paraphrase regression.
const L2: f64 = 1e-3;

/// Pearson correlation of [`score_pair`] (and of token Jaccard) with STS-B gold scores, for
/// all pairs and for the news genre. Returns `[(ours, jaccard) all, (ours, jaccard) news]`.
pub fn sts_pearson(path: &Path) -> Result<[(f64, f64); 2], String> {
    let pairs = load_sts(path)?;
    let feats = pair_features(&pairs);
    let ours: Vec<f64> = feats.iter().map(|(a, b)| score_pair(a, b)).collect();
    let jaccard: Vec<f64> = pairs.iter().map(|p| token_jaccard(&p.a, &p.b)).collect();
    let gold: Vec<f64> = pairs.iter().map(|p| p.gold).collect();
    let news: Vec<usize> = (0..pairs.len()).filter(|&i| pairs[i].genre == "main-news").collect();
    let pick = |v: &[f64]| news.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    Ok([
        (pearson(&ours, &gold), pearson(&jaccard, &gold)),
        (pearson(&pick(&ours), &pick(&gold)), pearson(&pick(&jaccard), &pick(&gold))),
    ])
}

/// All similarity figures.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    if std::env::var_os("CROSSCHECK_FIT").is_some() {
        let (w, bias) = fit_mrpc_weights(data_dir)?;
        eprintln!("fitted weights {w:?} bias {bias}");
        let (w, bias) = fit_sts_weights(data_dir)?;
        eprintln!("fitted graded weights {w:?} bias {bias}");
    }
    let mrpc = mrpc_figures(data_dir)?;
    let row = |cv: CrossValidation| {
        format!("acc {:.2}% / F1 {:.2} (threshold {:.2})", 100.0 * cv.accuracy, 100.0 * cv.f1, cv.threshold)
    };
    let mut rows = vec![
        Figure::new(
            "MRPC train, 10-fold CV threshold: score_pair",
            row(mrpc.ours),
            "token Jaccard (test) 72.70% / 80.32; Socher 2011 76.8 / 83.6; BERT-large ~85 / 89",
        ),
        Figure::new("MRPC train, 10-fold CV threshold: token Jaccard", row(mrpc.jaccard), "baseline, same protocol"),
        Figure::new(
            "MRPC train, 10-fold CV, component weights refitted per fold",
            row(mrpc.nested),
            "checks the built-in weights are not overfitted",
        ),
    ];
    for (split, file) in [("dev", "sts-dev.csv"), ("train", "sts-train.csv")] {
        let [(all, jaccard_all), (news, jaccard_news)] = sts_pearson(&data_dir.join("stsb").join(file))?;
        rows.push(Figure::new(
            format!("STS-B {split}, all genres: Pearson r"),
            format!("{all:.3}"),
            format!("token Jaccard {jaccard_all:.3}; SemEval-2017 best ~0.81 (test)"),
        ));
        rows.push(Figure::new(
            format!("STS-B {split}, news: Pearson r"),
            format!("{news:.3}"),
            format!("token Jaccard {jaccard_news:.3}"),
        ));
    }
    let (accuracy, f1) = mrpc_pipeline(data_dir)?;
    rows.push(Figure::new(
        "MRPC train, the whole pipeline (two one-sentence articles; linked = in one fact)",
        format!("acc {:.2}% / F1 {:.2} (default options)", 100.0 * accuracy, 100.0 * f1),
        "issue 13: within one point of the pair scorer",
    ));
    rows.extend(relation_figures(data_dir)?);
    Ok(rows)
}

/// MRPC accuracy and F1 of the product itself: each pair compared as two one-sentence
/// articles with the default options, a paraphrase when some fact links them (the sentences
/// are split into claims, scored in context and aligned at `min_fact_score`) or when one
/// article is word for word a copy of the other.
pub fn mrpc_pipeline(data_dir: &Path) -> Result<(f64, f64), String> {
    let pairs = load_mrpc(&data_dir.join("mrpc").join("msr_paraphrase_train.clean.tsv"))?;
    let options = crate::options::Options::default();
    let mut predicted = Vec::with_capacity(pairs.len());
    for pair in &pairs {
        let articles = [
            crate::report::Article { name: "a".into(), text: pair.a.clone() },
            crate::report::Article { name: "b".into(), text: pair.b.clone() },
        ];
        let report = crate::pipeline::compare(&articles, &options).map_err(|e| e.to_string())?;
        predicted.push(!report.facts.is_empty() || report.sources.iter().any(|s| s.copy_of.is_some()));
    }
    let gold: Vec<bool> = pairs.iter().map(|p| p.gold > 0.5).collect();
    Ok(accuracy_f1(&predicted, &gold))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_and_metrics() {
        let scores = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
        let gold = [false, false, true, true, true, true];
        let t = best_threshold(&scores, &gold);
        assert!(t > 0.2 && t < 0.3, "{t}");
        let predicted: Vec<bool> = scores.iter().map(|&s| s >= t).collect();
        assert_eq!(accuracy_f1(&predicted, &gold), (1.0, 1.0));
        assert_eq!(accuracy_f1(&[false, false], &[true, false]), (0.5, 0.0));
    }

    #[test]
    fn pearson_of_lines() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }

    #[test]
    fn logistic_regression_separates_a_line() {
        let x: Vec<[f64; 1]> = (0..100).map(|i| [f64::from(i) / 100.0]).collect();
        let y: Vec<bool> = (0..100).map(|i| i >= 50 + (i % 7) - 3).collect();
        let (w, bias) = fit_logistic(&x, &y, 1e-3);
        assert!(w[0] > 5.0, "{w:?}");
        let boundary = -bias / w[0];
        assert!((boundary - 0.5).abs() < 0.05, "{boundary}");
    }

    #[test]
    fn jaccard_matches_the_baseline_definition() {
        assert!((token_jaccard("The cat sat.", "the cat ran") - 0.5).abs() < 1e-12);
        assert_eq!(token_jaccard("", ""), 0.0);
    }
}
