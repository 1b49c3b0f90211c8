#![cfg(not(target_arch = "wasm32"))]
//! The command line as a pipeline sees it: strict options, batches in input order on any
//! number of threads, help and shell completions. (Bad files: tests/bad_input.rs.)

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn crosscheck(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the crosscheck binary starts");
    // Written on a thread: a child that answers as it reads would otherwise fill its stdout
    // pipe while this thread still waits to finish stdin.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_owned();
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn misspelt_wrongly_typed_and_out_of_range_options_are_refused_by_name() {
    for (options, says) in [
        (r#"{"minFactScor": 0.9}"#, "unknown option minFactScor; the options are maxArticles, maxArticleBytes"),
        (r#"{"minFactScore": "0.9"}"#, "minFactScore takes a number from 0 to 1: invalid type: string"),
        (r#"{"maxArticles": 0}"#, "maxArticles takes a whole number from 1 up, not 0"),
        ("0.9", "options must be an object"),
    ] {
        let output = crosscheck(&["--options", options, "tests/bad_input/good.txt"], "");
        assert_eq!(output.status.code(), Some(2), "{options}");
        assert!(output.stdout.is_empty(), "{options}: no report");
        let message = stderr(&output);
        assert!(message.starts_with("crosscheck: --options: invalid options: "), "{options}: {message}");
        assert!(message.contains(says), "{options}: {message}");
    }
}

/// Clusters of different sizes, so that on two threads they finish out of order.
fn clusters() -> String {
    (0..24)
        .map(|k| {
            let articles: Vec<serde_json::Value> = (0..=(k % 5) + 1)
                .map(|a| {
                    serde_json::json!({
                        "name": format!("{k}-{a}.txt"),
                        "text": format!("The flood in Velmora killed {} people on Monday, the mayor said. Cluster {k} had stall {a}.", 10 + a).repeat(1 + (k % 3) * 20),
                    })
                })
                .collect();
            serde_json::json!({"cluster": k, "articles": articles}).to_string() + "\n"
        })
        .collect::<String>()
        + "not json\n"
}

#[test]
fn a_batch_gives_the_same_lines_in_input_order_on_one_and_two_threads() {
    let input = clusters();
    let one = crosscheck(&["--jsonl", "--threads", "1"], &input);
    let two = crosscheck(&["--jsonl", "--threads", "2"], &input);
    assert_eq!(one.status.code(), Some(1), "the bad line is a failure: {}", stderr(&one));
    assert_eq!(one.stdout, two.stdout, "one thread and two write the same lines");
    assert!(two.stderr.is_empty(), "no progress line when stderr is not a terminal: {}", stderr(&two));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(two.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 25);
    for (k, line) in lines[..24].iter().enumerate() {
        assert_eq!(line["cluster"], k, "line {k} is cluster {k}");
        assert_eq!(line["report"]["sources"].as_array().unwrap().len(), k % 5 + 2);
    }
    assert!(lines[24]["error"].as_str().unwrap().starts_with("line 25: "), "{}", lines[24]);
}

#[test]
fn help_names_every_option_and_completions_cover_them() {
    let help = crosscheck(&["--help"], "");
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    for flag in ["--format", "--options", "--jsonl", "--threads", "eval", "completions"] {
        assert!(help.contains(flag), "--help does not mention {flag}");
    }
    let bash = crosscheck(&["completions", "bash"], "");
    assert_eq!(bash.status.code(), Some(0));
    let bash = String::from_utf8(bash.stdout).unwrap();
    assert!(bash.contains("complete -F _crosscheck") && bash.contains("--threads") && bash.contains("markdown"), "{bash}");
}

#[test]
fn threads_without_jsonl_and_a_bad_format_are_usage_errors() {
    for (args, says) in [
        (vec!["--threads", "2", "tests/bad_input/good.txt"], "--jsonl"),
        (vec!["--format", "xml", "tests/bad_input/good.txt"], "--format takes json, markdown, csv, not \"xml\""),
        (vec!["--jsonl", "--threads", "0"], "--threads"),
    ] {
        let output = crosscheck(&args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("crosscheck: ") && message.contains(says), "{args:?}: {message}");
        assert!(message.contains("\n\nusage: crosscheck"), "{args:?}: {message}");
    }
}
