//! Running child processes: a small command builder that echoes what it runs and turns
//! failures into messages.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::Result;

/// A command to run, echoed before it starts.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    /// A command running `program`.
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let program = program.as_ref();
        Cmd {
            inner: Command::new(program),
            shown: program.to_string_lossy().into_owned(),
        }
    }

    /// Adds one argument.
    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Cmd {
        let a = a.as_ref();
        self.shown.push(' ');
        self.shown.push_str(&a.to_string_lossy());
        self.inner.arg(a);
        self
    }

    /// Adds arguments.
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Cmd {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    /// Sets an environment variable for the child.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.inner.env(key, value);
        self
    }

    /// Sets the working directory.
    pub fn cwd(mut self, dir: &Path) -> Cmd {
        self.inner.current_dir(dir);
        self
    }

    /// Sends the child's stderr to `file` instead of the terminal (for long, chatty runs).
    pub fn stderr_to(mut self, file: std::fs::File) -> Cmd {
        self.inner.stderr(file);
        self
    }

    /// Runs with inherited stdio and fails unless the exit status is success.
    pub fn run(mut self) -> Result {
        eprintln!("$ {}", self.shown);
        let status = self
            .inner
            .stdin(Stdio::null())
            .status()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs with stderr shown and stdout both shown and returned; fails like [`Cmd::run`].
    pub fn capture(mut self) -> Result<String> {
        eprintln!("$ {}", self.shown);
        let out = self
            .inner
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        print!("{stdout}");
        if out.status.success() {
            Ok(stdout)
        } else {
            Err(format!("`{}` failed ({})", self.shown, out.status))
        }
    }

    /// Runs quietly and returns stdout when it exits successfully; `None` if it cannot start
    /// or fails. For probing installed tools.
    pub fn probe(mut self) -> Option<String> {
        let out = self
            .inner
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// `cargo` from `PATH` (the rustup proxy, so `cargo fmt` and `cargo clippy` resolve) in the
/// workspace root.
pub fn cargo(root: &Path) -> Cmd {
    Cmd::new("cargo").cwd(root)
}

/// Prints a step heading.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}
