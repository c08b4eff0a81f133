//! Calendar dates from the seconds-since-epoch the model stores (UTC), without a clock
//! library. Times read from a file may be anything: dates are clamped to
//! 0000-01-01 ..= 9999-12-31 so that the arithmetic never overflows.

/// (year, month, day) in UTC of `at` seconds since the Unix epoch.
pub fn civil_date(at: i64) -> (i64, i64, i64) {
    let days = at.div_euclid(86_400).clamp(-719_528, 2_932_896);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// "2024-03-02" (UTC).
pub fn iso_date(at: i64) -> String {
    let (year, month, day) = civil_date(at);
    format!("{year:04}-{month:02}-{day:02}")
}

/// "2026-11-25 20:31 UTC".
pub fn date_time(at: i64) -> String {
    let secs = at.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} UTC",
        iso_date(at),
        secs / 3600,
        (secs % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(date_time(1_764_102_660), "2025-11-25 20:31 UTC");
        assert_eq!(iso_date(-86_400), "1969-12-31");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(i64::MAX), "9999-12-31");
        assert_eq!(iso_date(i64::MIN), "0000-01-01");
    }
}
