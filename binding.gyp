{
  "targets": [
    {
      "target_name": "hostsys",
      "sources": ["native/hostsys.cc"],
      "cflags_cc": ["-O2", "-Wno-cast-function-type"]
    }
  ]
}
