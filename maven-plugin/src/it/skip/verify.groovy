def log = new File(basedir, 'build.log').text
assert log.contains('cfc:check skipped (cfc.skip)')
assert !log.contains('stale')
return true
