"""Write the hand-written lists the extract stage reads.

These are general linguistic data written for zhpipe from knowledge of the
language (each file's header says what it covers); no corpus was consulted
and nothing comes from the evaluation data. They live here, as data of this
script, so that every file in lexicons/ is produced by `make lexicons`.
To change a list, edit it here and run `python3 scripts/lexicons/build_extract_lists.py`.
Licence: the project's own.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

LISTS = {}
LISTS["surnames.tsv"] = """\
# Chinese family names (TAB-separated: surname, single | double).
# Written from general knowledge: the traditional Hundred Family Surnames (百家姓, a Song-dynasty
# text in the public domain) and the family names common in mainland China today, in
# Simplified script, most common first. Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
王	single
李	single
张	single
刘	single
陈	single
杨	single
黄	single
赵	single
吴	single
周	single
徐	single
孙	single
马	single
朱	single
胡	single
郭	single
何	single
高	single
林	single
罗	single
郑	single
梁	single
谢	single
宋	single
唐	single
许	single
韩	single
冯	single
邓	single
曹	single
彭	single
曾	single
肖	single
田	single
董	single
袁	single
潘	single
于	single
蒋	single
蔡	single
余	single
杜	single
叶	single
程	single
苏	single
魏	single
吕	single
丁	single
任	single
沈	single
姚	single
卢	single
姜	single
崔	single
钟	single
谭	single
陆	single
汪	single
范	single
金	single
石	single
廖	single
贾	single
夏	single
韦	single
付	single
傅	single
方	single
白	single
邹	single
孟	single
熊	single
秦	single
邱	single
江	single
尹	single
薛	single
闫	single
阎	single
段	single
雷	single
侯	single
龙	single
史	single
陶	single
黎	single
贺	single
顾	single
毛	single
郝	single
龚	single
邵	single
万	single
钱	single
严	single
覃	single
武	single
戴	single
莫	single
孔	single
向	single
汤	single
常	single
温	single
康	single
施	single
文	single
牛	single
樊	single
葛	single
邢	single
安	single
齐	single
易	single
乔	single
伍	single
庞	single
颜	single
倪	single
庄	single
聂	single
章	single
鲁	single
岳	single
翟	single
殷	single
詹	single
申	single
欧	single
耿	single
关	single
兰	single
焦	single
俞	single
左	single
柳	single
甘	single
祝	single
包	single
宁	single
尚	single
符	single
舒	single
阮	single
柯	single
纪	single
梅	single
童	single
凌	single
毕	single
单	single
季	single
裴	single
霍	single
涂	single
成	single
苗	single
谷	single
盛	single
曲	single
翁	single
冉	single
骆	single
蓝	single
路	single
游	single
辛	single
靳	single
管	single
柴	single
蒙	single
鲍	single
华	single
喻	single
祁	single
蒲	single
房	single
滕	single
屈	single
饶	single
解	single
牟	single
艾	single
尤	single
阳	single
时	single
穆	single
农	single
司	single
卓	single
古	single
吉	single
缪	single
简	single
车	single
项	single
连	single
芦	single
麦	single
褚	single
娄	single
窦	single
戚	single
岑	single
景	single
党	single
宫	single
费	single
卜	single
冷	single
晏	single
席	single
卫	single
米	single
柏	single
宗	single
瞿	single
桂	single
全	single
佟	single
应	single
臧	single
闵	single
苟	single
邬	single
边	single
卞	single
姬	single
师	single
和	single
仇	single
栾	single
隋	single
商	single
刁	single
沙	single
荣	single
巫	single
寇	single
桑	single
郎	single
甄	single
丛	single
仲	single
虞	single
敖	single
巩	single
明	single
佘	single
池	single
查	single
麻	single
苑	single
迟	single
邝	single
官	single
封	single
谈	single
匡	single
鞠	single
惠	single
荆	single
乐	single
冀	single
郁	single
胥	single
南	single
班	single
储	single
原	single
栗	single
燕	single
楚	single
鄢	single
劳	single
谌	single
奚	single
皮	single
粟	single
冼	single
蔺	single
楼	single
盘	single
满	single
闻	single
位	single
厉	single
伊	single
仝	single
区	single
郜	single
海	single
阚	single
花	single
权	single
强	single
帅	single
屠	single
豆	single
朴	single
盖	single
练	single
廉	single
禹	single
井	single
祖	single
漆	single
巴	single
丰	single
支	single
卿	single
国	single
狄	single
平	single
计	single
索	single
宣	single
晋	single
相	single
初	single
门	single
云	single
容	single
敬	single
来	single
扈	single
晁	single
芮	single
都	single
普	single
阙	single
浦	single
戈	single
伏	single
鹿	single
薄	single
邸	single
雍	single
辜	single
羊	single
阿	single
乌	single
母	single
裘	single
亓	single
修	single
邰	single
赫	single
杭	single
况	single
那	single
宿	single
鲜	single
印	single
逯	single
隆	single
茹	single
诸	single
战	single
慕	single
危	single
玉	single
银	single
亢	single
嵇	single
公	single
哈	single
湛	single
宾	single
戎	single
勾	single
茅	single
利	single
於	single
呼	single
居	single
揭	single
干	single
但	single
尉	single
冶	single
斯	single
元	single
束	single
檀	single
衣	single
信	single
展	single
阴	single
昝	single
智	single
幸	single
奉	single
植	single
衡	single
富	single
尧	single
闭	single
由	single
仰	single
充	single
隗	single
过	single
琚	single
笪	single
弓	single
郏	single
汲	single
邴	single
糜	single
松	single
牧	single
山	single
宓	single
蓬	single
郗	single
秋	single
暴	single
钭	single
韶	single
蓟	single
怀	single
从	single
鄂	single
咸	single
籍	single
赖	single
能	single
苍	single
双	single
莘	single
贡	single
逄	single
扶	single
堵	single
宰	single
郦	single
却	single
璩	single
濮	single
寿	single
通	single
别	single
习	single
宦	single
鱼	single
慎	single
庾	single
终	single
暨	single
步	single
弘	single
广	single
禄	single
东	single
殳	single
沃	single
蔚	single
越	single
夔	single
厍	single
融	single
訾	single
空	single
毋	single
乜	single
养	single
须	single
巢	single
蒯	single
后	single
红	single
竺	single
益	single
桓	single
仉	single
督	single
缑	single
郈	single
有	single
琴	single
归	single
法	single
汝	single
钦	single
佴	single
伯	single
赏	single
墨	single
谯	single
年	single
爱	single
言	single
福	single
欧阳	double
司马	double
上官	double
诸葛	double
东方	double
皇甫	double
尉迟	double
公孙	double
慕容	double
长孙	double
宇文	double
司徒	double
令狐	double
夏侯	double
轩辕	double
端木	double
独孤	double
南宫	double
西门	double
百里	double
呼延	double
东郭	double
申屠	double
太史	double
闻人	double
公羊	double
澹台	double
公冶	double
宗政	double
濮阳	double
淳于	double
单于	double
太叔	double
仲孙	double
钟离	double
万俟	double
赫连	double
拓跋	double
司空	double
东门	double
梁丘	double
左丘	double
第五	double
鲜于	double
闾丘	double
亓官	double
司寇	double
巫马	double
公西	double
颛孙	double
壤驷	double
公良	double
漆雕	double
乐正	double
宰父	double
谷梁	double
段干	double
微生	double
羊舌	double
"""

LISTS["titles.tsv"] = """\
# Titles, ranks, occupations and kinship terms that stand next to a person's name
# (TAB-separated: word, kind). kind: title (党委书记 局长 总统 ...), honorific (先生 女士 同志),
# byline (记者 通讯员 摄影 文 编辑: a credit line names the people after it).
# Written from general knowledge of Chinese (government and party posts, professions,
# forms of address); no corpus was consulted. Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
书记	title
副书记	title
党委书记	title
党委副书记	title
总书记	title
支部书记	title
第一书记	title
市委书记	title
县委书记	title
省委书记	title
区委书记	title
主席	title
副主席	title
国家主席	title
总统	title
副总统	title
总理	title
副总理	title
首相	title
副首相	title
国王	title
女王	title
王子	title
公主	title
亲王	title
总督	title
议长	title
副议长	title
部长	title
副部长	title
外长	title
外交部长	title
国务卿	title
大臣	title
国务委员	title
委员长	title
副委员长	title
委员	title
常委	title
主任	title
副主任	title
局长	title
副局长	title
处长	title
副处长	title
科长	title
副科长	title
厅长	title
副厅长	title
司长	title
副司长	title
省长	title
副省长	title
市长	title
副市长	title
县长	title
副县长	title
区长	title
副区长	title
镇长	title
副镇长	title
乡长	title
副乡长	title
村长	title
村主任	title
组长	title
副组长	title
队长	title
副队长	title
团长	title
副团长	title
社长	title
副社长	title
站长	title
所长	title
副所长	title
院长	title
副院长	title
校长	title
副校长	title
园长	title
馆长	title
行长	title
副行长	title
董事长	title
副董事长	title
董事	title
总经理	title
副总经理	title
经理	title
总裁	title
副总裁	title
总监	title
主管	title
会长	title
副会长	title
理事长	title
秘书长	title
副秘书长	title
秘书	title
干事	title
主编	title
总编辑	title
编辑	byline
记者	byline
本报记者	byline
特约记者	byline
通讯员	byline
摄影	byline
摄像	byline
撰稿	byline
作者	byline
文	byline
图	byline
编	byline
责编	byline
责任编辑	byline
来源	byline
大使	title
公使	title
参赞	title
领事	title
总领事	title
代表	title
发言人	title
新闻发言人	title
司令	title
司令员	title
副司令员	title
政委	title
参谋长	title
军长	title
师长	title
旅长	title
团长	title
营长	title
连长	title
排长	title
班长	title
将军	title
上将	title
中将	title
少将	title
大校	title
上校	title
中校	title
少校	title
上尉	title
中尉	title
少尉	title
士兵	title
战士	title
警官	title
民警	title
辅警	title
警长	title
所长	title
法官	title
检察官	title
检察长	title
律师	title
教授	title
副教授	title
讲师	title
教师	title
老师	title
研究员	title
副研究员	title
院士	title
博士	title
硕士	title
医生	title
大夫	title
护士	title
护士长	title
主任医师	title
医师	title
工程师	title
总工程师	title
会计	title
厂长	title
副厂长	title
矿长	title
教练	title
主教练	title
运动员	title
选手	title
队员	title
志愿者	title
网格员	title
楼长	title
社工	title
居民	title
村民	title
党员	title
干部	title
主持人	title
导演	title
演员	title
歌手	title
作家	title
诗人	title
画家	title
艺术家	title
学者	title
专家	title
总干事	title
总干事长	title
秘书长	title
首席执行官	title
执行官	title
经纪人	title
先生	honorific
女士	honorific
小姐	honorific
夫人	honorific
太太	honorific
同志	honorific
同学	honorific
师傅	honorific
阿姨	honorific
大爷	honorific
大妈	honorific
大姐	honorific
大哥	honorific
老人	honorific
老师傅	honorific
伯伯	honorific
叔叔	honorific
奶奶	honorific
爷爷	honorific
"""

LISTS["units.tsv"] = """\
# Classifiers and units that follow a number, with the kind of quantity they make
# and the unit written in the output (TAB-separated: word, kind, unit).
# kind: count, money, weight, length, area, volume, percent, duration, date, time,
#       temperature, multiple, speed, energy, other.
# Written from general knowledge of Chinese (measure words and units of measure in
# standard Mandarin grammars); no corpus was consulted. Simplified script (the
# extractor matches on normalised text, so Traditional forms match too).
# Money rows name the currency in the unit column (港币 -> 港元); 块/圆 are 元.
# Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
元	money	元
圆	money	元
块	money	元
块钱	money	元
元钱	money	元
人民币	money	元
角	money	角
毛	money	角
毛钱	money	角
美元	money	美元
美金	money	美元
欧元	money	欧元
日元	money	日元
日币	money	日元
英镑	money	英镑
港元	money	港元
港币	money	港元
澳元	money	澳元
澳门元	money	澳门元
加元	money	加元
韩元	money	韩元
卢布	money	卢布
泰铢	money	泰铢
新台币	money	新台币
台币	money	新台币
新加坡元	money	新加坡元
瑞士法郎	money	瑞士法郎
法郎	money	法郎
马克	money	马克
卢比	money	卢比
比索	money	比索
里拉	money	里拉
先令	money	先令
斤	weight	斤
公斤	weight	公斤
千克	weight	千克
克	weight	克
毫克	weight	毫克
吨	weight	吨
万吨	weight	万吨
磅	weight	磅
两	weight	两
米	length	米
公里	length	公里
千米	length	千米
厘米	length	厘米
毫米	length	毫米
里	length	里
英里	length	英里
海里	length	海里
尺	length	尺
寸	length	寸
丈	length	丈
平方米	area	平方米
平米	area	平方米
平方公里	area	平方公里
平方千米	area	平方公里
亩	area	亩
公顷	area	公顷
立方米	volume	立方米
方	volume	立方米
升	volume	升
毫升	volume	毫升
%	percent	%
％	percent	%
‰	percent	‰
℃	temperature	℃
摄氏度	temperature	℃
度	temperature	度
倍	multiple	倍
岁	age	岁
周岁	age	岁
年	duration	年
个月	duration	月
天	duration	天
日	duration	天
小时	duration	小时
个小时	duration	小时
分钟	duration	分钟
秒	duration	秒
秒钟	duration	秒
周	duration	周
星期	duration	周
个星期	duration	周
昼夜	duration	天
晚	duration	晚
夜	duration	夜
人	count	人
名	count	名
户	count	户
个	count	个
位	count	位
套	count	套
只	count	只
箱	count	箱
杯	count	杯
盒	count	盒
份	count	份
剂	count	剂
剂次	count	剂次
针	count	针
台	count	台
栋	count	栋
幢	count	幢
号楼	count	号楼
单元	count	单元
层	count	层
楼	count	楼
间	count	间
家	count	家
所	count	所
条	count	条
件	count	件
起	count	起
次	count	次
人次	count	人次
批	count	批
辆	count	辆
架	count	架
艘	count	艘
列	count	列
项	count	项
场	count	场
例	count	例
张	count	张
本	count	本
支	count	支
把	count	把
种	count	种
类	count	类
处	count	处
座	count	座
所	count	所
口	count	口
头	count	头
匹	count	匹
株	count	株
棵	count	棵
片	count	片
袋	count	袋
包	count	包
瓶	count	瓶
桶	count	桶
罐	count	罐
车	count	车
趟	count	趟
轮	count	轮
届	count	届
期	count	期
批次	count	批次
篇	count	篇
部	count	部
副	count	副
双	count	双
对	count	对
组	count	组
队	count	队
支队	count	支队
段	count	段
章	count	章
节	count	节
页	count	页
封	count	封
项次	count	项次
点	count	点
方面	count	方面
大类	count	大类
门	count	门
辆次	count	辆次
户次	count	户次
万人次	count	万人次
半	count	半
"""

LISTS["extract_cues.tsv"] = """\
# Words that give evidence for a person name next to them (TAB-separated: word, kind).
# kind: speech (verbs of saying after a name), action (verbs a person does, after a name),
# before (words that introduce a name before it: 向, 给 ... are NOT here; only
# strongly personal ones like 会见 / 采访).
# Written from general knowledge of Chinese; no corpus was consulted.
# Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
说	speech
说道	speech
表示	speech
介绍	speech
指出	speech
强调	speech
认为	speech
称	speech
告诉	speech
透露	speech
坦言	speech
回忆	speech
提出	speech
要求	speech
希望	speech
宣布	speech
解释	speech
补充	speech
谈到	speech
问	speech
答	speech
笑着说	speech
感慨	speech
呼吁	speech
主持	action
会见	action
会晤	action
接见	action
出席	action
参加	action
率领	action
率	action
带领	action
陪同	action
访问	action
视察	action
考察	action
看望	action
慰问	action
讲话	action
致辞	action
发表	action
签署	action
获得	action
担任	action
出任	action
兼任	action
荣获	action
指挥	action
题词	action
当选	action
出生	action
逝世	action
去世	action
来到	action
前往	action
抵达	action
作	action
代表	action
等人	after
等	after
一行	after
本人	after
同志	after
"""

LISTS["extract_org_suffixes.tsv"] = """\
# Words that end the name of an organisation (TAB-separated: suffix, strength).
# strength: strong (the word alone makes an organisation name with any proper prefix:
# 有限公司 委员会 大学), weak (needs a place or organisation in front: 局 部 处 队 所).
# Written from general knowledge of Chinese institutional naming; no corpus was consulted.
# Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
有限公司	strong
有限责任公司	strong
股份有限公司	strong
集团公司	strong
集团	strong
公司	strong
总公司	strong
分公司	strong
银行	strong
委员会	strong
常委会	strong
常务委员会	strong
代表大会	strong
人民代表大会	strong
人民政府	strong
大学	strong
学院	strong
中学	strong
小学	strong
幼儿园	strong
学校	strong
研究院	strong
研究所	strong
研究中心	strong
科学院	strong
工程院	strong
医院	strong
卫生院	strong
卫生室	weak
诊所	weak
协会	strong
学会	strong
研究会	strong
促进会	strong
联合会	strong
基金会	strong
商会	strong
工会	strong
同学会	strong
理事会	strong
董事会	strong
委员会办公室	strong
办公室	weak
办公厅	strong
办事处	strong
指挥部	strong
领导小组	strong
工作组	weak
党支部	strong
党总支	strong
党委	strong
党工委	strong
党组	weak
支部	weak
纪委	strong
监委	strong
市委	strong
省委	strong
县委	strong
区委	strong
镇委	strong
村委会	strong
居委会	strong
管委会	strong
筹委会	strong
人大	weak
政协	weak
法院	strong
检察院	strong
公安局	strong
派出所	strong
分局	strong
总局	strong
局	weak
厅	weak
部	weak
署	weak
司	weak
处	weak
科	weak
所	weak
站	weak
中心	strong
服务中心	strong
队	weak
大队	weak
中队	weak
支队	weak
总队	weak
应急队	weak
突击队	weak
志愿队	weak
服务队	weak
俱乐部	strong
电视台	strong
广播电台	strong
电台	strong
报社	strong
日报	strong
晚报	strong
杂志社	strong
出版社	strong
通讯社	strong
新闻社	strong
社	weak
党	weak
军	weak
联盟	weak
组织	weak
基地	weak
厂	weak
工厂	weak
合作社	strong
事务所	strong
律师事务所	strong
酒店	strong
宾馆	strong
饭店	strong
商场	weak
超市	weak
书店	weak
博物馆	strong
图书馆	strong
纪念馆	strong
体育馆	weak
美术馆	strong
剧院	strong
剧团	strong
乐团	strong
艺术团	strong
代表团	strong
访问团	strong
陪同团	strong
使馆	strong
大使馆	strong
领事馆	strong
总领事馆	strong
议会	strong
参议院	strong
众议院	strong
国会	strong
内阁	weak
军区	strong
部队	weak
舰队	strong
警察局	strong
"""

LISTS["extract_loc_suffixes.tsv"] = """\
# Words that end a place name below the county level, or a natural feature
# (TAB-separated: suffix, level). level: township (镇 乡 街道), community (社区 村 小区 ...),
# street (路 街 巷 大道 ...), building (栋 号楼 单元: a building within a place),
# feature (山 河 江 湖 岛 ...), division (省 市 县 区 州: a division not in the gazetteer).
# Written from general knowledge of Chinese place naming; no corpus was consulted.
# Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
省	division
市	division
县	division
区	division
州	division
自治州	division
自治县	division
自治区	division
地区	division
新区	division
开发区	division
经开区	division
高新区	division
特区	division
盟	division
旗	division
镇	township
乡	township
街道	township
苏木	township
社区	community
村	community
村委会	community
居委会	community
小区	community
花园	community
新村	community
屯	community
寨	community
庄	community
组	community
路	street
街	street
巷	street
大道	street
大街	street
胡同	street
弄	street
道	street
广场	street
栋	building
幢	building
号楼	building
单元	building
山	feature
峰	feature
岭	feature
河	feature
江	feature
湖	feature
海	feature
湾	feature
岛	feature
群岛	feature
半岛	feature
港	feature
峡	feature
海峡	feature
盆地	feature
平原	feature
高原	feature
草原	feature
沙漠	feature
洋	feature
水库	feature
运河	feature
机场	feature
车站	feature
火车站	feature
码头	feature
大桥	feature
桥	feature
"""

LISTS["extract_abbreviations.tsv"] = """\
# One-character short names of countries and of China's provincial divisions, used in
# compounds (中美关系, 访华, 中方, 京津冀, 沪) (TAB-separated: character, full name, kind).
# kind: country, province. Written from general knowledge (the official one-character
# abbreviations of provinces, 简称, and the conventional short names of countries in
# Chinese news style); no corpus was consulted. Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
中	中国	country
华	中国	country
美	美国	country
日	日本	country
俄	俄罗斯	country
英	英国	country
法	法国	country
德	德国	country
韩	韩国	country
朝	朝鲜	country
印	印度	country
巴	巴基斯坦	country
越	越南	country
澳	澳大利亚	country
加	加拿大	country
意	意大利	country
西	西班牙	country
葡	葡萄牙	country
荷	荷兰	country
比	比利时	country
瑞	瑞士	country
泰	泰国	country
菲	菲律宾	country
新	新加坡	country
马	马来西亚	country
墨	墨西哥	country
埃	埃及	country
伊	伊朗	country
以	以色列	country
土	土耳其	country
蒙	蒙古	country
欧	欧洲	country
非	非洲	country
亚	亚洲	country
港	香港	province
台	台湾	province
京	北京	province
津	天津	province
沪	上海	province
渝	重庆	province
冀	河北	province
晋	山西	province
辽	辽宁	province
吉	吉林	province
黑	黑龙江	province
苏	江苏	province
浙	浙江	province
皖	安徽	province
闽	福建	province
赣	江西	province
鲁	山东	province
豫	河南	province
鄂	湖北	province
湘	湖南	province
粤	广东	province
桂	广西	province
琼	海南	province
川	四川	province
蜀	四川	province
贵	贵州	province
黔	贵州	province
云	云南	province
滇	云南	province
藏	西藏	province
陕	陕西	province
秦	陕西	province
甘	甘肃	province
陇	甘肃	province
青	青海	province
宁	宁夏	province
新	新疆	province
"""

LISTS["extract_places.tsv"] = """\
# Place names that are not administrative divisions, countries or cities and that the
# gazetteers therefore lack: names of China as a whole, its large regions, seas, rivers,
# mountain ranges and political-geographic terms (TAB-separated: word, kind).
# kind: place. Written from general knowledge of Chinese geography; no corpus was
# consulted. Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
中华	place
华夏	place
神州	place
大陆	place
内地	place
两岸	place
海峡两岸	place
台海	place
华北	place
华东	place
华南	place
华中	place
华西	place
东北	place
西北	place
西南	place
江南	place
中原	place
岭南	place
长江	place
黄河	place
珠江	place
淮河	place
海河	place
辽河	place
松花江	place
黑龙江	place
雅鲁藏布江	place
澜沧江	place
长江三角洲	place
珠江三角洲	place
长三角	place
珠三角	place
京津冀	place
粤港澳	place
渤海	place
黄海	place
东海	place
南海	place
台湾海峡	place
琼州海峡	place
青藏高原	place
黄土高原	place
云贵高原	place
内蒙古高原	place
四川盆地	place
塔里木盆地	place
华北平原	place
东北平原	place
长江中下游	place
喜马拉雅山	place
昆仑山	place
天山	place
秦岭	place
太行山	place
泰山	place
黄山	place
峨眉山	place
庐山	place
五台山	place
长白山	place
大兴安岭	place
小兴安岭	place
太湖	place
洞庭湖	place
鄱阳湖	place
青海湖	place
西湖	place
三峡	place
太平洋	place
大西洋	place
印度洋	place
北冰洋	place
地中海	place
波斯湾	place
中东	place
远东	place
北美	place
南美	place
拉美	place
西欧	place
东欧	place
南亚	place
东南亚	place
中亚	place
西亚	place
北非	place
亚太	place
欧亚	place
苏联	place
南斯拉夫	place
东德	place
西德	place
捷克斯洛伐克	place
"""

LISTS["extract_organisations.tsv"] = """\
# Organisations commonly named by a short form or a name with no organisation suffix
# (TAB-separated: name, full name or '-'). The central bodies of the PRC state and party,
# the eight democratic parties, and major international organisations, with their usual
# Chinese abbreviations. Written from general knowledge (public constitutional and
# institutional names); no corpus was consulted. Regenerate: make lexicons  (scripts/lexicons/build_extract_lists.py; edit the list there).
中共	中国共产党
中共中央	中国共产党中央委员会
党中央	中国共产党中央委员会
中央政治局	中国共产党中央委员会政治局
中共中央政治局	中国共产党中央委员会政治局
中央书记处	中国共产党中央委员会书记处
书记处	-
中央军委	中央军事委员会
中纪委	中央纪律检查委员会
中组部	中共中央组织部
中宣部	中共中央宣传部
统战部	中共中央统一战线工作部
国务院	中华人民共和国国务院
全国人大	全国人民代表大会
全国人大常委会	全国人民代表大会常务委员会
全国政协	中国人民政治协商会议全国委员会
人民政协	中国人民政治协商会议
政协	中国人民政治协商会议
人大	人民代表大会
人大常委会	人民代表大会常务委员会
民革	中国国民党革命委员会
民盟	中国民主同盟
民建	中国民主建国会
民进	中国民主促进会
农工党	中国农工民主党
致公党	中国致公党
九三学社	-
台盟	台湾民主自治同盟
工商联	中华全国工商业联合会
全国工商联	中华全国工商业联合会
全国总工会	中华全国总工会
共青团	中国共产主义青年团
团中央	共青团中央委员会
全国妇联	中华全国妇女联合会
妇联	妇女联合会
侨联	归国华侨联合会
科协	科学技术协会
文联	文学艺术界联合会
作协	作家协会
解放军	中国人民解放军
人民解放军	中国人民解放军
武警	中国人民武装警察部队
新华社	新华通讯社
人民日报	-
中央电视台	-
央视	中央电视台
海协会	海峡两岸关系协会
海协	海峡两岸关系协会
海基会	海峡交流基金会
国民党	中国国民党
民进党	民主进步党
联合国	-
安理会	联合国安全理事会
联合国安理会	联合国安全理事会
教科文组织	联合国教育、科学及文化组织
世卫组织	世界卫生组织
世界卫生组织	-
世贸组织	世界贸易组织
世界贸易组织	-
世界银行	-
国际货币基金组织	-
东盟	东南亚国家联盟
欧盟	欧洲联盟
北约	北大西洋公约组织
亚太经合组织	亚洲太平洋经济合作组织
欧佩克	石油输出国组织
非统	非洲统一组织
非盟	非洲联盟
红十字会	-
国际奥委会	国际奥林匹克委员会
奥委会	奥林匹克委员会
国际足联	国际足球联合会
"""


def main():
    for name, text in LISTS.items():
        header = [line[2:] if line.startswith("# ") else line[1:] for line in text.splitlines() if line.startswith("#")]
        rows = [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
        sources.write_lexicon(name, header, rows)


if __name__ == "__main__":
    main()
