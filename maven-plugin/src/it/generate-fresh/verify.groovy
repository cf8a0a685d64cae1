// mvn cfc:generate on a fresh checkout: the forked lifecycle compiled the class, the wrangler
// config named in cfc.toml got the container's entries, and the summary was logged.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/app/FreshContainers.class').isFile() : 'cfc:generate did not compile first'
assert log.contains('wrangler.toml: +1 container') : 'no summary line in the log'

def wrangler = new File(basedir, 'config/wrangler.toml').text
assert wrangler.contains('GREETING = "hello"') : 'hand-written content was lost'
assert wrangler.contains('[[containers]]')
assert wrangler.contains('class_name = "ApiContainer"')
assert wrangler.contains('image = "registry.cloudflare.com/fresh/api:1.0"')
assert wrangler.contains('max_instances = 3')
assert wrangler.contains('new_sqlite_classes = ["ApiContainer"]')
assert !new File(basedir, 'wrangler.toml').exists() : 'wrote a wrangler.toml cfc.toml does not name'

// TypeScript appears once the emitter writes it; when it does, it goes to the default directory.
def ts = new File(basedir, 'src/_generated')
if (ts.isDirectory()) {
  assert ts.listFiles().any { it.name.endsWith('.ts') }
}
return true
