//! Memory advice for large tables read at random.

/// Ask Linux to back the (not yet touched) buffer of `v` with 2 MB pages.
/// For tables read at random all over several megabytes (the tagger's
/// 18 MB of weights, the indexing analyzer's stem table): with 4 KB pages
/// nearly every such read also misses the TLB and walks the page tables.
/// Only advice: where it is not followed nothing changes.
#[cfg(target_os = "linux")]
pub fn advise_huge_pages<T>(v: &Vec<T>) {
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    const MADV_HUGEPAGE: i32 = 14;
    const HUGE: usize = 2 << 20;
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    // Only the whole 2 MB pages inside the buffer.
    let from = start.next_multiple_of(HUGE);
    let to = end / HUGE * HUGE;
    if to > from {
        // SAFETY: the range lies inside the allocation `v` owns, and
        // MADV_HUGEPAGE changes no contents, only how pages are backed.
        let _ = unsafe { madvise(from as *mut std::ffi::c_void, to - from, MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
pub fn advise_huge_pages<T>(_: &Vec<T>) {}
