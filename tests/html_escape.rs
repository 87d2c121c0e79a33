//! Every rendered table type escapes markup and quotes in any cell; charts escape their text.

use amazon_sales::charts::{bar, ChartSpec};
use amazon_sales::data::cleaning::CleaningReport;
use amazon_sales::data::quality::quality_report;
use amazon_sales::display::{FigureGrid, Table};
use amazon_sales::prelude::polars::prelude::*;

const EVIL: &str = "<script>alert(\"x\")</script> & 'quoted'";

fn assert_escaped(html: &str) {
    assert!(!html.contains("<script"), "raw <script> in {html}");
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("&quot;x&quot;"));
    assert!(html.contains("&#39;quoted&#39;"));
    assert!(html.contains("&amp;"));
}

#[test]
fn table_escapes_title_headers_cells_and_note() {
    let t = Table::new(EVIL, [EVIL]).with_row([EVIL]).with_note(EVIL);
    let html = t.to_html();
    assert_escaped(&html);
    assert_eq!(html.matches("&lt;script&gt;").count(), 4);
}

#[test]
fn frame_table_and_quality_report_escape_scraped_text() {
    let df = df!("product_name" => [EVIL, "ok"], "x" => [1, 2]).unwrap();
    assert_escaped(&Table::from_frame("frame", &df, 5).to_html());
    assert_escaped(
        &quality_report(&df, EVIL, Some("product_name"))
            .unwrap()
            .table()
            .to_html(),
    );
}

#[test]
fn cleaning_report_escapes_rule_names() {
    let mut r = CleaningReport::new(EVIL, 2, 1);
    r.record(EVIL, 1, 1, 0, EVIL);
    assert_escaped(&r.table().to_html());
}

#[test]
fn charts_escape_titles_and_labels() {
    let fig = bar(&ChartSpec::new(EVIL).x(EVIL), &[(EVIL.to_string(), 1.0)]).unwrap();
    assert!(!fig.svg().contains("<script"));
    assert!(!FigureGrid::new(vec![fig]).to_html().contains("<script"));
}
