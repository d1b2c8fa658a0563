# edit.sed - a few sed features: ranges, hold space, y///, append/insert
/^On Translating/{
  s/.*/== & ==/
  p
  d
}
/^$/d
s/\btranslator\b/TRANSLATOR/g
y/aeiou/AEIOU/
/Self-modifying/i\
[inserted before the self-modifying paragraph]
/byte for byte/a\
[appended at the end]
