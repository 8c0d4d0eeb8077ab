//go:build unix && !linux

package a11y

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts Chromium and its helper processes in a process group
// of their own, so that a hung browser can be ended as a whole.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killProcessGroup kills the group started by cmd.  Call it only while the
// leader has not been reaped (before cmd.Wait returns).
func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
