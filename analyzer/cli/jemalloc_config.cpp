// mfalint allocates with jemalloc, which reads this string when it starts (MALLOC_CONF in the
// environment still applies after it).
//
// Each file makes and drops hundreds of short strings and vectors, and a large run keeps every
// finding until its report is written. With glibc's allocator, whose thread cache holds seven
// blocks of a size, malloc and free were 15% of the corpus bench's instructions, and the memory
// was touched a 4 KiB page at a time: 25,700 page faults. jemalloc's thread caches take the short
// allocations, and `thp:always` asks the kernel for huge pages (madvise) where it allows them:
// 3,900 page faults, and the bench 601 -> 508 ms (bench/README.md). The cost: about 0.5 ms more
// at start, most of it the first huge page.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}
