// mfalint allocates with jemalloc, which reads this string when it starts (MALLOC_CONF in the
// environment still applies after it).
//
// A large run keeps every finding until the report is written: with glibc's allocator, touching
// that memory a 4 KiB page at a time was 25,000 page faults on the corpus bench, a fifth of the
// run's time, and glibc's tcache of seven blocks per size gave way to its slower bins for the
// thousands of short strings each file makes and drops. jemalloc's thread caches take those, and
// `thp:always` asks the kernel for huge pages (madvise) where it allows them: 3,900 page faults,
// and the bench's time down by about a seventh (bench/README.md). The cost is a few hundred
// microseconds of set-up at start.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}
