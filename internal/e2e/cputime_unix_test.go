//go:build unix

package e2e

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far, user and system,
// every goroutine's and the garbage collector's: on a shared machine it
// says what a benchmark cost better than the time it took.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
