//! Calendar arithmetic for `Date` columns (days since 1970-01-01), without a
//! date-library dependency in the public API.

/// Days since 1970-01-01 for a valid Gregorian date, `None` otherwise.
///
/// ```
/// use amazon_sales::data::dates::days_from_mdy;
/// assert_eq!(days_from_mdy(1970, 1, 1), Some(0));
/// assert_eq!(days_from_mdy(2022, 3, 31), Some(19082));
/// assert_eq!(days_from_mdy(2022, 2, 29), None);
/// ```
pub fn days_from_mdy(year: i32, month: u32, day: u32) -> Option<i32> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The (year, month, day) of a day count since 1970-01-01.
///
/// ```
/// use amazon_sales::data::dates::ymd_from_days;
/// assert_eq!(ymd_from_days(19082), (2022, 3, 31));
/// ```
pub fn ymd_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// ISO `YYYY-MM-DD` text of a day count.
///
/// ```
/// assert_eq!(amazon_sales::data::dates::iso_date(19172), "2022-06-29");
/// ```
pub fn iso_date(days: i32) -> String {
    let (y, m, d) = ymd_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
