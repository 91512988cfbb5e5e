// Package cputime reads the CPU time the process has used, so that a
// benchmark on a machine shared with other work can report figures per
// CPU-second as well as per wall-clock second.
package cputime
