//! schema/report.schema.json is generated from src/report.rs and must stay in step with it.
//! Run `UPDATE_SCHEMA=1 cargo test --features schema --test schema` after changing the report.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "schema")]

use std::path::Path;

#[test]
fn committed_schema_matches_the_report_types() {
    let schema = schemars::schema_for!(crosscheck::Report);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/report.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --features schema --test schema"
    );
}
