//! Number formatting shared by tables and chart labels.

/// Formats an integer with thousands separators.
///
/// ```
/// assert_eq!(amazon_sales::display::thousands(128975), "128,975");
/// assert_eq!(amazon_sales::display::thousands(-1234), "-1,234");
/// ```
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Formats a float with `decimals` places and thousands separators; NaN prints as "NaN".
///
/// ```
/// assert_eq!(amazon_sales::display::number(39193074.031, 2), "39,193,074.03");
/// assert_eq!(amazon_sales::display::number(0.5, 3), "0.500");
/// ```
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: i64 = int.parse().unwrap_or(0);
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", thousands(int))
    } else {
        format!("{sign}{}.{frac}", thousands(int))
    }
}

/// Formats a share as a percentage with `decimals` places.
///
/// ```
/// assert_eq!(amazon_sales::display::percent(0.0495, 2), "4.95 %");
/// ```
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{:.*} %", decimals, share * 100.0)
}
