// The failing check logged the unified diff, the summary and the way out, as `cfc check` does;
// cfc:generate then wrote the one changed line and the next verify passed.
def log = new File(basedir, 'build.log').text
def stale = log.indexOf('generated files are stale:')
assert stale >= 0 : 'no stale report in the log'
def report = log.substring(stale)
assert report.contains('--- a/wrangler.toml\n+++ b/wrangler.toml\n')
assert report.contains('\n-max_instances = 2\n+max_instances = 3\n') : 'the one-line diff is missing'
assert report.contains('\nwrangler.toml: ')
assert report.contains('stale: run `mvn cfc:generate` and commit the result')
assert log =~ /\d+ generated files? (is|are) stale: run `mvn cfc:generate` and commit the result/

def fixed = log.indexOf('[INFO] up to date', stale)
assert fixed > stale : 'verify did not pass after cfc:generate'
def wrangler = new File(basedir, 'wrangler.toml').text
assert wrangler.contains('max_instances = 3')
assert !wrangler.contains('max_instances = 2')
return true
