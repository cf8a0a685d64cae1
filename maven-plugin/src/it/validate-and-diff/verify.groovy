// cfc:validate logged the warning as the CLI's located line and passed; cfc:diff logged the
// unified diff cfc:generate would write and passed although everything is stale; and neither
// wrote a file, not even cfc's own state.
def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] .*warning CFC209: / : 'the CFC209 warning is missing'
assert log =~ /\[INFO\] ok: \d+ planned file\(s\) valid/ : 'cfc:validate did not report ok'

def heading = log.indexOf('[INFO] cfc:generate would write:\n')
assert heading >= 0 : 'cfc:diff logged no diff'
def diff = log.substring(heading)
assert diff.contains('\n--- a/wrangler.toml\n+++ b/wrangler.toml\n')
assert diff.contains('\n+[[containers]]\n')
assert diff.contains('\n+class_name = "WebContainer"\n')
assert diff.contains('\n--- /dev/null\n+++ b/src/_generated/') : 'the generated TypeScript is missing'
assert !log.contains('no changes')
assert !log.contains('BUILD FAILURE')

assert new File(basedir, 'wrangler.toml').text == new File(basedir, 'wrangler.toml.committed').text
assert !new File(basedir, 'src/_generated').exists()
assert !new File(basedir, '.cfc').exists()
assert !new File(basedir, 'cfc.lock').exists()
return true
