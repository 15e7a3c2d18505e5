#pragma once
// Independent pieces of work on a few threads. Each piece writes only the slot of its own index,
// so what comes out is in index order whatever the threads' timing.

#include <cstddef>
#include <functional>

namespace mfalint {

// One thread per core, or 1 when the core count is unknown.
unsigned default_jobs();

// Calls work(i) for every i < count on up to `jobs` threads (1: in order, on this thread). When
// calls throw, the exception of the lowest index is rethrown once every call has returned.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& work);

}  // namespace mfalint
