// cfc.toml names the JSONC config and staging; the plugin configuration overrides the
// environments with staging and production. Comments survive and each environment gets the
// container's entries.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] up to date')
def jsonc = new File(basedir, 'wrangler.jsonc').text
assert jsonc.startsWith('// Worker config in JSONC; comments and layout must survive')
assert jsonc.contains('/* Variables per environment. */')
assert jsonc.contains('// staging only')
def env = jsonc.substring(jsonc.indexOf('"env"'))
assert env.indexOf('"staging"') >= 0 && env.indexOf('"production"') >= 0
assert jsonc.contains('"name": "jsonc-api-staging"')
assert jsonc.contains('"name": "jsonc-api-production"') : 'the configured environments did not override cfc.toml'
assert (jsonc =~ /"class_name"\s*:\s*"ApiContainer"/).count >= 3 : 'top level, staging and production each need the container'
return true
