// hostsys: the one native piece of tsemu. It gives the linux-user layer what Node's fs module does
// not: raw host system calls (dup2, fcntl, ioctl, getdents64, pipe2, wait4...) whose pointer
// arguments point straight into guest memory, exactly as qemu-user passes g2h() pointers. The JS
// syscall layer checks every guest buffer against the guest page table before passing it here.
#include <node.h>
#include <v8.h>
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace v8;

// base(sab): host address of a SharedArrayBuffer's first byte, as a Number (< 2^53 on x86-64).
static void Base(const FunctionCallbackInfo<Value>& args) {
  Isolate* iso = args.GetIsolate();
  if (args.Length() < 1 || !args[0]->IsSharedArrayBuffer()) {
    iso->ThrowException(Exception::TypeError(String::NewFromUtf8Literal(iso, "base: SharedArrayBuffer expected")));
    return;
  }
  void* p = args[0].As<SharedArrayBuffer>()->GetBackingStore()->Data();
  args.GetReturnValue().Set(Number::New(iso, (double)(uintptr_t)p));
}

// alloc(len): a SharedArrayBuffer over a fresh page-aligned anonymous mapping (committed lazily).
// The guest address space is one of these: page alignment is what lets the linux-user layer map
// host files into guest memory (MAP_SHARED, MAP_PRIVATE) and madvise guest pages, exactly as
// qemu-user does, which a V8-allocated buffer (malloc'd, 16 bytes into a page) cannot offer.
static void Alloc(const FunctionCallbackInfo<Value>& args) {
  Isolate* iso = args.GetIsolate();
  size_t len = (size_t)args[0]->NumberValue(iso->GetCurrentContext()).FromMaybe(0);
  void* p = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (len == 0 || p == MAP_FAILED) {
    iso->ThrowException(Exception::Error(String::NewFromUtf8Literal(iso, "alloc: cannot map the guest address space")));
    return;
  }
  std::unique_ptr<BackingStore> bs = SharedArrayBuffer::NewBackingStore(
      p, len, [](void* data, size_t length, void*) { munmap(data, length); }, nullptr);
  args.GetReturnValue().Set(SharedArrayBuffer::New(iso, std::move(bs)));
}

// sys(nr, a1..a6): syscall(2) on the host; returns the result or -errno.
static void Sys(const FunctionCallbackInfo<Value>& args) {
  Isolate* iso = args.GetIsolate();
  Local<Context> ctx = iso->GetCurrentContext();
  int64_t a[7] = {0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 7 && i < args.Length(); i++) a[i] = (int64_t)args[i]->NumberValue(ctx).FromMaybe(0);
  long r = syscall((long)a[0], (long)a[1], (long)a[2], (long)a[3], (long)a[4], (long)a[5], (long)a[6]);
  if (r == -1) r = -errno;
  args.GetReturnValue().Set(Number::New(iso, (double)r));
}

// exit(status): end the process at once. The guest's output went straight to its file
// descriptors, so there is nothing to flush, and tearing down V8 and a 4 GiB heap only costs time.
static void Exit(const FunctionCallbackInfo<Value>& args) {
  Isolate* iso = args.GetIsolate();
  _exit((int)args[0]->Int32Value(iso->GetCurrentContext()).FromMaybe(1));
}

static void Init(Local<Object> exports, Local<Value>, void*) {
  NODE_SET_METHOD(exports, "exit", Exit);
  NODE_SET_METHOD(exports, "alloc", Alloc);
  NODE_SET_METHOD(exports, "base", Base);
  NODE_SET_METHOD(exports, "sys", Sys);
}

NODE_MODULE(NODE_GYP_MODULE_NAME, Init)
