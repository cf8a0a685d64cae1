// After cfc:generate, cfc:check in the verify phase finds nothing to change.
def log = new File(basedir, 'build.log').text
assert log.contains('wrangler.toml: +1 container') : 'cfc:generate did not write the entries'
assert log.contains('[INFO] up to date') : 'cfc:check did not report up to date'
assert !log.contains('stale')
assert new File(basedir, 'wrangler.toml').text.contains('class_name = "WebContainer"')
return true
