//! Work on several inputs at once, results taken in input order: what lets
//! `claimdesk extract` use every core on a day's articles and still print them in the
//! order given, with memory bounded by what is in flight.
//!
//! [`map_in_order`] runs `work(i)` for each input on a few threads and hands each result to
//! `take(i, result)` on the calling thread, in order of `i`. An input starts only while the
//! bytes of the inputs started and not yet taken stay within a budget (an input of unknown
//! size runs alone), so a long input never has another one beside it that would double
//! the memory it needs; a failing `take` stops the workers.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex};

/// What the inputs in flight may weigh beside the largest one, in bytes: small articles
/// run side by side, two long ones do not.
pub const SIDE_BY_SIDE: u64 = 4 << 20;

/// The same with the dependency parse, whose model (about 15 MB of pages) is in memory
/// beside the inputs: inputs over 1 MiB run one at a time.
pub const SIDE_BY_SIDE_PARSED: u64 = 1 << 20;

/// How many threads to work on: the cores there are, at most 4.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

struct State<R> {
    next: usize,
    /// Bytes and count of the inputs started and not yet taken.
    bytes: u64,
    running: usize,
    /// Finished inputs; `Err` holds a worker's panic, passed on by the caller's thread.
    done: BTreeMap<usize, std::thread::Result<R>>,
    stop: bool,
}

/// `work` each input `0..sizes.len()` (`sizes[i]`: its weight in bytes, `None` when not
/// known), `take` each result in order; at most `threads` at once, and the inputs started
/// and not yet taken weigh at most `budget` bytes (one input always may run). Returns the
/// first error of `take`, after which no input is started. A panic in `work` stops the
/// workers and goes on in the calling thread.
pub fn map_in_order<R, E>(
    sizes: &[Option<u64>],
    threads: usize,
    budget: u64,
    work: impl Fn(usize) -> R + Sync,
    mut take: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    R: Send,
{
    let n = sizes.len();
    if threads < 2 || n < 2 {
        for i in 0..n {
            take(i, work(i))?;
        }
        return Ok(());
    }
    let weight = |i: usize| sizes[i].unwrap_or(u64::MAX);
    let state = Mutex::new(State {
        next: 0,
        bytes: 0,
        running: 0,
        done: BTreeMap::new(),
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(|e| e.into_inner());
    std::thread::scope(|scope| {
        for _ in 0..threads.min(n) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut s = lock();
                        loop {
                            if s.stop || s.next >= n {
                                return;
                            }
                            let w = weight(s.next);
                            // Never more than twice the threads waiting to be taken.
                            let fits = s.running == 0
                                || (s.bytes.saturating_add(w) <= budget && s.running < 2 * threads);
                            if fits {
                                break;
                            }
                            s = changed.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        let i = s.next;
                        s.next += 1;
                        s.bytes = s.bytes.saturating_add(weight(i));
                        s.running += 1;
                        i
                    };
                    // A panic is handed to the thread taking the results, which would
                    // otherwise wait for this one for ever.
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(i)));
                    let failed = r.is_err();
                    let mut s = lock();
                    s.done.insert(i, r);
                    s.stop |= failed;
                    drop(s);
                    changed.notify_all();
                }
            });
        }
        let mut result = Ok(());
        for i in 0..n {
            let r = {
                let mut s = lock();
                loop {
                    if let Some(r) = s.done.remove(&i) {
                        break r;
                    }
                    s = changed.wait(s).unwrap_or_else(|e| e.into_inner());
                }
            };
            let r = match r {
                Ok(r) => r,
                Err(panic) => {
                    lock().stop = true;
                    changed.notify_all();
                    std::panic::resume_unwind(panic);
                }
            };
            result = take(i, r);
            let mut s = lock();
            s.bytes = s.bytes.saturating_sub(weight(i));
            s.running -= 1;
            if result.is_err() {
                s.stop = true;
            }
            drop(s);
            changed.notify_all();
            if result.is_err() {
                break;
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_whatever_finishes_first() {
        let sizes = vec![Some(1); 40];
        let mut seen = Vec::new();
        let r: Result<(), ()> = map_in_order(
            &sizes,
            3,
            100,
            |i| {
                // Early inputs take longest.
                std::thread::sleep(std::time::Duration::from_micros(((40 - i) * 50) as u64));
                i * 2
            },
            |i, v| {
                seen.push((i, v));
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen, (0..40).map(|i| (i, i * 2)).collect::<Vec<_>>());
    }

    #[test]
    fn inputs_in_flight_stay_within_the_budget() {
        // Sizes 10, 60, 10, 60...: with a budget of 70, two 60s are never in flight together.
        let sizes: Vec<Option<u64>> = (0..30)
            .map(|i| Some(if i % 2 == 0 { 10 } else { 60 }))
            .collect();
        let in_flight = AtomicU64::new(0);
        let most = AtomicU64::new(0);
        let r: Result<(), ()> = map_in_order(
            &sizes,
            4,
            70,
            |i| {
                let w = sizes[i].unwrap_or(0);
                let now = in_flight.fetch_add(w, Ordering::SeqCst) + w;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_micros(200));
                w
            },
            |_, w| {
                in_flight.fetch_sub(w, Ordering::SeqCst);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert!(most.load(Ordering::SeqCst) <= 70, "{most:?}");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_instead_of_hanging() {
        let sizes = vec![Some(1); 8];
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _: Result<(), ()> = map_in_order(
                &sizes,
                2,
                100,
                |i| {
                    if i == 3 {
                        panic!("input 3");
                    }
                    i
                },
                |_, _| Ok(()),
            );
        }));
        assert!(caught.is_err());
    }

    #[test]
    fn an_input_of_unknown_size_runs_alone_and_a_failed_take_stops_the_rest() {
        let sizes = vec![Some(1), None, Some(1), Some(1), Some(1), Some(1)];
        let started = AtomicUsize::new(0);
        let mut taken = Vec::new();
        let r = map_in_order(
            &sizes,
            2,
            1000,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i, _| {
                taken.push(i);
                if i == 2 { Err("closed pipe") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("closed pipe"));
        assert_eq!(taken, vec![0, 1, 2]);
        // At most the inputs in flight when the take failed were started past it.
        assert!(started.load(Ordering::SeqCst) <= 6);
    }
}
