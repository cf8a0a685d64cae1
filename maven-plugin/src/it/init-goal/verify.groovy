// cfc:init wrote a runnable Worker around the Maven project: the sample definition where Maven
// compiles Java (and cfc.toml naming that directory), package.json pinned to the versions the
// build proves with, every missing file; it kept the user's tsconfig.json and said so. Then
// cfc:generate compiled the sample and wrote wrangler.toml's entries and the TypeScript.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] created cfc.toml')
assert log.contains('[INFO] created src/main/java/app/AppContainers.java')
assert log.contains('[INFO] created package.json')
assert log.contains('[INFO] skipped tsconfig.json (exists;')
assert log.contains('[INFO]   mvn cfc:generate')
assert !log.contains('BUILD FAILURE')

assert new File(basedir, 'tsconfig.json').text == '{ "compilerOptions": { "strict": true } }\n'
assert new File(basedir, 'cfc.toml').text.contains('sources = "src/main/java"')
assert new File(basedir, 'src/index.ts').text.contains('AppContainer')
assert new File(basedir, '.gitignore').text.contains('.cfc/')

def written = new JsonSlurper().parse(new File(basedir, 'package.json'))
def root = new File(basedir, '../../../..').canonicalFile
def proof = new JsonSlurper().parse(new File(root, 'codegen/src/test/wrangler-proof/package.json'))
def runtime = new JsonSlurper().parse(new File(root, 'runtime-js-templates/package.json'))
assert written.devDependencies.wrangler == proof.devDependencies.wrangler
assert written.devDependencies.typescript == runtime.devDependencies.typescript
assert written.dependencies['@cloudflare/containers'] == runtime.devDependencies['@cloudflare/containers']

def wrangler = new File(basedir, 'wrangler.toml').text
assert wrangler.contains('class_name = "AppContainer"')
assert new File(basedir, 'src/_generated/index.ts').exists()
return true
