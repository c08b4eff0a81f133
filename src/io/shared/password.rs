//! Passwords for a shared project's server (docs/shared-projects.md, "Passwords"): the
//! address, `PGPASSWORD` and the password file are read by [`Address::parse`]; when the
//! server still asks for one, the CLI asks on the terminal and the window shows a masked
//! prompt, and the answer is set here, in memory only, for that address's connections.
//! Nothing here writes a password anywhere, and an address always shows it as `***`.

use super::{Address, SharedError, SharedErrorKind};

impl Address {
    /// Whether a password is known for this address (URL, `PGPASSWORD`, password file or
    /// a prompt).
    pub fn has_password(&self) -> bool {
        self.config.get_password().is_some()
    }

    /// Use `password` for every connection made through this address (a prompt's answer;
    /// kept in memory only).
    pub fn set_password(&mut self, password: &str) {
        self.config.password(password);
    }
}

impl SharedError {
    /// The server asks for a password and none was given.
    pub fn needs_password(&self) -> bool {
        matches!(&self.kind, SharedErrorKind::Connect(why) if why.contains("password missing"))
    }

    /// The password given was refused.
    pub fn wrong_password(&self) -> bool {
        matches!(&self.kind, SharedErrorKind::Connect(why)
            if why.contains("password authentication failed"))
    }
}

/// The one line said when the server asks for a password that nobody can give here.
pub fn no_password_line(address: &Address) -> String {
    format!(
        "{address}: the server asks for a password: set PGPASSWORD, add a line to ~/.pgpass \
         (or the file PGPASSFILE names), or run claimdesk in a terminal to be asked"
    )
}
