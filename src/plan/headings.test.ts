import { describe, expect, it } from "vitest";
import { HeadingStack, parseMarker } from "./headings.js";

describe("parseMarker", () => {
  it("recognises every marker style and its ordinal", () => {
    const m = (s: string) => {
      const x = parseMarker(s);
      return x ? `${x.style}:${x.ordinal}:${x.text}` : null;
    };
    expect(m("一、着眼稳定市场预期")).toBe("cn:1:一、");
    expect(m("十二、其他")).toBe("cn:12:十二、");
    expect(m("（三）增强解读回应效果")).toBe("pcn:3:（三）");
    expect(m("(一) 深入解读重要政策措施")).toBe("pcn:1:(一)");
    expect(m("1.行政规范性文件集中公开")).toBe("ar:1:1.");
    expect(m("2、基层政务公开")).toBe("ar:2:2、");
    expect(m("(1)做好")).toBe("par:1:(1)");
    expect(m("③做好")).toBe("circ:3:③");
    expect(m("第二部分 重点任务")).toBe("part:2:第二部分");
    expect(m("2019年政务公开")).toBeNull();
    expect(m("3.5%的比例")).toBeNull();
  });
});

describe("HeadingStack", () => {
  it("nests by marker style", () => {
    const s = new HeadingStack();
    s.push("一、甲");
    s.push("（一）乙");
    s.push("1.丙");
    expect(s.path).toEqual(["一、甲", "（一）乙", "1.丙"]);
    s.push("（二）丁");
    expect(s.path).toEqual(["一、甲", "（二）丁"]);
    s.push("二、戊");
    expect(s.path).toEqual(["二、戊"]);
  });

  it("nests a list that restarts at 一 under a heading of the same style", () => {
    const s = new HeadingStack();
    s.push("三、年度重点工作任务");
    s.push("一、加强经济领域信息公开");
    s.push("(一)加强经济发展政策的信息公开。");
    expect(s.depth).toBe(3);
    s.push("二、强化民生领域信息公开");
    expect(s.path).toEqual(["三、年度重点工作任务", "二、强化民生领域信息公开"]);
    s.push("三、实现政策集中规范公开");
    expect(s.path).toEqual(["三、年度重点工作任务", "三、实现政策集中规范公开"]);
  });

  it("takes the reprinted wording of a heading repeated after a page break", () => {
    const s = new HeadingStack();
    s.push("（三）强化重点领域民生信息公开");
    s.push("（三）强化重点领域信息公开");
    expect(s.path).toEqual(["（三）强化重点领域信息公开"]);
  });
});
