// mfalint allocates with jemalloc, which reads this string when it starts (MALLOC_CONF in the
// environment still applies after it).
//
// Each file makes and drops hundreds of short strings and vectors, and a large run keeps every
// finding until its report is written. glibc's allocator, whose thread cache holds seven blocks
// of a size, spent much of the corpus bench in malloc and free and touched the memory a 4 KiB page
// at a time. jemalloc's thread caches take the short allocations, and `thp:always` asks the kernel
// for huge pages (madvise) where it allows them; the cost is a little more start-up time, most of
// it the first huge page. The measured figures are in bench/README.md.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}
