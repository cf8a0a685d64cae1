// cfc:import wrote the definitions into the Java sources and cfc.toml, and cfc:generate adopted
// the entry it declares: wrangler.toml is byte for byte the committed one.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] created cfc.toml')
assert log.contains('[INFO] created src/main/java/app/AppContainers.java')
assert log.contains('[INFO] imported Sandbox from wrangler.toml')
assert !log.contains('BUILD FAILURE')

def source = new File(basedir, 'src/main/java/app/AppContainers.java').text
assert source.contains('.className("Sandbox")')
assert source.contains('.binding("SANDBOX")')
assert source.contains('.instanceType(InstanceType.BASIC)')
assert source.contains('.adopt()')

assert new File(basedir, 'wrangler.toml').text == new File(basedir, 'wrangler.toml.committed').text
assert new File(basedir, 'cfc.lock').exists()
assert new File(basedir, 'src/_generated/Sandbox.ts').exists()
return true
