//! Progress lines for library calls that can run for seconds: one line per
//! finished step on stdout, in the style of Keras' epoch lines, so a notebook
//! cell is never silent for long (stderr stays reserved for failures).
//!
//! ```
//! use amazon_sales::display::Progress;
//! let mut p = Progress::new("demo", 2);
//! let a = p.step("first", || 1);
//! let b = p.step("second", || 2);
//! assert_eq!(a + b, 3);
//! ```

use std::time::{Duration, Instant};

/// Counts the steps of one slow task and prints a line as each ends.
#[derive(Debug)]
pub struct Progress {
    task: String,
    total: usize,
    done: usize,
    started: Instant,
}

impl Progress {
    /// A task of `total` steps (0 when unknown).
    pub fn new(task: impl Into<String>, total: usize) -> Self {
        Progress {
            task: task.into(),
            total,
            done: 0,
            started: Instant::now(),
        }
    }

    /// Prints `task  starting: what` before a step that runs for long in one go.
    pub fn announce(&self, what: &str) {
        println!("{}  starting: {what}", self.task);
    }

    /// Runs one step and prints `task  3/5  label  2.4 s  (total 9.1 s)`.
    pub fn step<T>(&mut self, label: &str, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = work();
        self.done += 1;
        println!(
            "{}",
            line(
                &self.task,
                self.done,
                self.total,
                label,
                start.elapsed(),
                self.started.elapsed()
            )
        );
        out
    }
}

/// One progress line (split out so it can be tested without capturing stdout).
fn line(
    task: &str,
    done: usize,
    total: usize,
    label: &str,
    step: Duration,
    all: Duration,
) -> String {
    let count = if total > 0 {
        format!("{done:>width$}/{total}", width = total.to_string().len())
    } else {
        done.to_string()
    };
    format!(
        "{task}  {count}  {label}  {:.1} s  (total {:.1} s)",
        step.as_secs_f64(),
        all.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_steps_and_times() {
        let l = line(
            "k sweep",
            3,
            10,
            "k = 4",
            Duration::from_millis(1250),
            Duration::from_secs(4),
        );
        assert_eq!(l, "k sweep   3/10  k = 4  1.2 s  (total 4.0 s)");
        assert_eq!(
            line("x", 2, 0, "y", Duration::ZERO, Duration::ZERO),
            "x  2  y  0.0 s  (total 0.0 s)"
        );
    }
}
